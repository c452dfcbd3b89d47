package org.orderbridge.subscription;

import java.util.List;
import java.util.Locale;

/**
 * The topics this service handles that the Admin API can subscribe: every topic of the webhook pipeline except the
 * mandatory compliance ones ({@code customers/data_request}, {@code customers/redact}, {@code shop/redact}), which
 * {@code WebhookSubscriptionTopic} does not list and which the app's configuration declares (Dev Dashboard or the
 * {@code [webhooks.privacy_compliance]} section of {@code shopify.app.toml}). A test keeps this list equal to the webhook
 * pipeline's.
 */
final class SubscribedTopics {

    /** In the form of the {@code X-Shopify-Topic} header. */
    static final List<String> TOPICS = List.of(
            "orders/create",
            "orders/updated",
            "orders/paid",
            "orders/cancelled",
            "orders/fulfilled",
            "orders/partially_fulfilled",
            "orders/delete",
            "fulfillments/create",
            "fulfillments/update",
            "fulfillment_orders/hold_released",
            "fulfillment_orders/scheduled_fulfillment_order_ready",
            // Needs the read_products access scope, as resolving SKUs does; without it Shopify refuses this one topic.
            "products/update",
            "app/uninstalled",
            // What is left to ship changes with these; read_orders and read_merchant_managed_fulfillment_orders.
            "orders/edited",
            "refunds/create",
            "fulfillment_orders/cancelled",
            "fulfillment_orders/moved",
            "fulfillment_orders/split",
            "fulfillment_orders/merged");

    /**
     * Only for a shop whose fulfillment service this app is: the merchant's requests to it. Each needs one of the
     * fulfillment-order read scopes, which write_assigned_fulfillment_orders grants.
     */
    static final List<String> FULFILLMENT_SERVICE_TOPICS = List.of(
            "fulfillment_orders/fulfillment_request_submitted", "fulfillment_orders/cancellation_request_submitted");

    private SubscribedTopics() {}

    /** The shop's topics: every shop's, and the fulfillment service's where the shop runs in that mode. */
    static List<String> forShop(boolean fulfillmentService) {
        if (!fulfillmentService) {
            return TOPICS;
        }
        var all = new java.util.ArrayList<>(TOPICS);
        all.addAll(FULFILLMENT_SERVICE_TOPICS);
        return List.copyOf(all);
    }

    /** {@code orders/partially_fulfilled} is {@code ORDERS_PARTIALLY_FULFILLED} in GraphQL. */
    static String graphqlName(String topic) {
        return topic.replace('/', '_').toUpperCase(Locale.ROOT);
    }

    static List<String> graphqlNames() {
        return graphqlNames(TOPICS);
    }

    static List<String> graphqlNames(List<String> topics) {
        return topics.stream().map(SubscribedTopics::graphqlName).toList();
    }
}
