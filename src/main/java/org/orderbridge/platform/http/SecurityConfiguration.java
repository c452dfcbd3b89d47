package org.orderbridge.platform.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.List;
import org.orderbridge.platform.web.ApiAuthorization;
import org.orderbridge.platform.web.SelfAuthenticatedRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The modules' self-authenticated requests (Shopify's webhooks) skip the API chain's work, which cost more than the
     * webhook's acknowledgement itself (docs/architecture.md, "The webhook route's filter chain").
     */
    @Bean
    @Order(1)
    SecurityFilterChain selfAuthenticatedRequests(HttpSecurity http, ObjectProvider<SelfAuthenticatedRequests> declared)
            throws Exception {
        List<RequestMatcher> matchers =
                declared.orderedStream().map(SelfAuthenticatedRequests::matcher).toList();
        // A slice test may declare none: the chain then matches nothing.
        RequestMatcher requests = matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
        return http.securityMatcher(requests)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http,
            ApiKeyProperties properties,
            ProblemSecurityHandlers problems,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ApiAuthorization> modules,
            ObjectProvider<Clock> clock,
            ObjectProvider<ApiAuditLog> audit)
            throws Exception {

        // Every credential travels in a header that a client (or the ops console's script) sets itself; the browser
        // attaches none on its own, no cookie, no Basic, no session, so a cross-site request arrives unauthenticated.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterAfter(
                        new RequestBodyLimitFilter(properties.maxRequestSize(), problems),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(
                                properties.keys(), problems, clock.getIfAvailable(Clock::systemUTC)),
                        AnonymousAuthenticationFilter.class)
                // After authentication (the bucket is the key's) and before the body is read.
                .addFilterBefore(
                        new ApiRateLimitFilter(
                                properties, problems, meters.getIfAvailable(() -> Metrics.globalRegistry)),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                            .permitAll()
                            .requestMatchers("/error")
                            .permitAll()
                            .requestMatchers(EndpointRequest.toAnyEndpoint())
                            .hasRole("READ")
                            .requestMatchers("/api/v1/admin/audit", "/api/v1/admin/audit/**")
                            .access(ApiAuthorization.forEveryShop("ADMIN"));
                    modules.orderedStream().forEach(module -> module.authorize(auth));
                    // The API's convention, for what no module's rule decided (see ApiAuthorization).
                    auth.requestMatchers("/api/v1/admin/**")
                            .hasRole("ADMIN")
                            .requestMatchers(HttpMethod.GET, "/api/v1/**")
                            .hasRole("READ")
                            .requestMatchers("/api/v1/**")
                            .hasRole("WRITE")
                            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .access(
                                    properties.publicApiDocs()
                                            ? (a, c) -> new AuthorizationDecision(true)
                                            : AuthorityAuthorizationManager.hasRole("READ"))
                            .anyRequest()
                            .denyAll();
                });
        // Web slice tests have no database: they run without the audit.
        ApiAuditLog auditLog = audit.getIfAvailable();
        if (auditLog != null) {
            // After authentication, so that the record names the key.
            http.addFilterAfter(new ApiAuditFilter(auditLog), ApiKeyAuthenticationFilter.class);
        }
        return http.build();
    }

    /** The firewall's refusals (encoded slashes, NUL, unknown methods...) as problems, like every other 400. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemSecurityHandlers problems) {
        return (request, response, rejected) -> problems.write(
                request, response, HttpStatus.BAD_REQUEST, "The request was rejected as malformed or unsafe");
    }

    /**
     * Without this, every filter of every chain is wrapped in an observation of its own, started and stopped on each
     * request even when the observations are switched off by predicate: more CPU than the webhook acknowledgement
     * itself. Requests are still observed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Keeps Boot from generating a user and logging its password: API keys are the only credentials. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
