package org.orderbridge.shipment;

import org.orderbridge.platform.web.ApiAuthorization;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Releasing a hold in Shopify or opening a scheduled fulfillment order is an operator's decision. */
@Component
class ShipmentApiAuthorization implements ApiAuthorization {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/v1/orders/*/shipments/*/release")
                .hasRole("ADMIN");
    }
}
