package org.orderbridge.ops;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.orderbridge.platform.web.ApiAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsConfiguration {

    /** Scripts, styles and requests from this origin only: what a console page loads is all it runs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * On every console response, not only the pages: a part, an asset, a refusal or an error page opened on its own is
     * a document too. Set before the security chain runs, so that its refusals carry it as well.
     */
    @Bean
    FilterRegistrationBean<Filter> consoleContentSecurityPolicy() {
        Filter policy = (request, response, chain) -> {
            ((HttpServletResponse) response).setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            chain.doFilter(request, response);
        };
        var registration = new FilterRegistrationBean<>(policy);
        registration.addUrlPatterns("/ops", "/ops/*", "/webjars/htmx.org/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The console's pages and assets hold no data: their scripts fetch it with the key the operator enters, which stays
     * in the tab (docs/ops.md). What they fetch and the actions they post are for admins.
     */
    @Bean
    ApiAuthorization opsConsoleAuthorization() {
        return requests -> requests.requestMatchers(
                        HttpMethod.GET,
                        "/ops",
                        "/ops/dead-letters",
                        "/ops/metrics",
                        "/ops/assets/**",
                        "/webjars/htmx.org/**")
                .permitAll()
                .requestMatchers("/ops/**")
                .access(ApiAuthorization.forEveryShop("ADMIN"));
    }
}
