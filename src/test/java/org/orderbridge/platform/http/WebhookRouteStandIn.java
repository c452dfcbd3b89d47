package org.orderbridge.platform.http;

import org.orderbridge.platform.web.SelfAuthenticatedRequests;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Shopify's webhook deliveries as the webhook module declares them, for web slice tests of the platform alone. */
@TestConfiguration(proxyBeanMethods = false)
class WebhookRouteStandIn {

    @Bean
    SelfAuthenticatedRequests shopifyWebhookDeliveries() {
        return new SelfAuthenticatedRequests(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webhooks/shopify"));
    }
}
