package org.orderbridge.fulfillmentservice;

import org.orderbridge.platform.web.ApiAuthorization;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Requests of every shop and the answers to them: an operator's, whatever the method. */
@Component
class FulfillmentRequestAuthorization implements ApiAuthorization {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/fulfillment-requests", "/api/v1/fulfillment-requests/**")
                .hasRole("ADMIN");
    }
}
