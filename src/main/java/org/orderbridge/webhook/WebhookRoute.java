package org.orderbridge.webhook;

import org.orderbridge.platform.web.SelfAuthenticatedRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

@Configuration(proxyBeanMethods = false)
class WebhookRoute {

    /** Shopify sends no API key: {@link WebhookController} authenticates each delivery by its HMAC over the raw body. */
    @Bean
    SelfAuthenticatedRequests shopifyWebhookDeliveries() {
        return new SelfAuthenticatedRequests(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webhooks/shopify"));
    }
}
