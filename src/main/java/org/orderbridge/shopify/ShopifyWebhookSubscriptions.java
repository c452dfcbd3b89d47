package org.orderbridge.shopify;

import java.util.List;
import java.util.Set;

/**
 * The app's shop-scoped webhook subscriptions, as the Admin API shows them: only those created through the API for the
 * shop, never the app-specific ones declared in {@code shopify.app.toml}. Every call blocks and runs under the same cost
 * budget, retries and circuit breaker as {@link ShopifyOrders}.
 */
public interface ShopifyWebhookSubscriptions {

    /** The shops an access token is configured for. */
    Set<String> shops();

    /** The Admin API version this client speaks ({@code orderbridge.shopify.api-version}). */
    String apiVersion();

    /**
     * Every subscription of the app in the shop for these topics (Shopify's {@code WebhookSubscriptionTopic} names, e.g.
     * {@code ORDERS_CREATE}), all pages.
     *
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; ask again later
     * @throws IllegalStateException when Shopify refuses to answer (no or revoked token, a scope missing)
     */
    List<Subscription> list(String shopDomain, List<String> topics);

    /**
     * Subscribes the topic, delivered as JSON to {@code uri} (an HTTPS URL or an EventBridge partner event source ARN).
     *
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    Change create(String shopDomain, String topic, String uri);

    /**
     * Points the subscription at {@code uri}, as JSON, keeping its id.
     *
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    Change update(String shopDomain, String subscriptionId, String uri);

    /**
     * @param apiVersion the API version Shopify serialises its deliveries with; the app's webhook API version, which
     *     no call can change for one subscription
     */
    record Subscription(String id, String topic, String uri, String format, String apiVersion) {}

    sealed interface Change {

        record Applied(Subscription subscription) implements Change {}

        /** Shopify's userErrors, or its refusal of the request. */
        record Refused(String reason) implements Change {}
    }
}
