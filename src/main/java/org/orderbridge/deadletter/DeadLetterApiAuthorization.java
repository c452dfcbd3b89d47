package org.orderbridge.deadletter;

import org.orderbridge.platform.web.ApiAuthorization;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A dead-letter queue holds every shop's messages, and a push letter names no shop at all: listing or re-driving them
 * is for an admin key of every shop.
 */
@Component
class DeadLetterApiAuthorization implements ApiAuthorization {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters/**")
                .access(ApiAuthorization.forEveryShop("ADMIN"));
    }
}
