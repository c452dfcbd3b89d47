package org.orderbridge.order;

import org.orderbridge.platform.web.ApiAuthorization;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Pushing an order again, after Shopify refused it or its message was dead-lettered, is an operator's decision. */
@Component
class OrderApiAuthorization implements ApiAuthorization {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/v1/orders/*/push").hasRole("ADMIN");
    }
}
