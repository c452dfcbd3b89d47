package org.orderbridge.ops;

import org.orderbridge.platform.web.ApiAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsConfiguration {

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
                .hasRole("ADMIN");
    }
}
