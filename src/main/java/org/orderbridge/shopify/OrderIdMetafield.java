package org.orderbridge.shopify;

import java.util.Map;
import java.util.UUID;

/**
 * The {@code orderbridge.order_id} order metafield. Its definition has the uniqueValues capability, which makes Shopify
 * itself refuse a second order with the same OrderBridge id and lets {@code orderByIdentifier} find the first one.
 */
final class OrderIdMetafield {

    static final String NAMESPACE = "orderbridge";
    static final String KEY = "order_id";
    static final String TYPE = "single_line_text_field";

    private OrderIdMetafield() {}

    static Map<String, Object> value(UUID orderId) {
        return Map.of("namespace", NAMESPACE, "key", KEY, "type", TYPE, "value", orderId.toString());
    }

    static Map<String, Object> identifier(UUID orderId) {
        return Map.of("customId", Map.of("namespace", NAMESPACE, "key", KEY, "value", orderId.toString()));
    }

    static Map<String, Object> definitionLookup() {
        return Map.of("namespace", NAMESPACE, "key", KEY);
    }

    static Map<String, Object> definition() {
        return Map.of(
                "definition",
                Map.of(
                        "name",
                        "OrderBridge order id",
                        "namespace",
                        NAMESPACE,
                        "key",
                        KEY,
                        "type",
                        TYPE,
                        "ownerType",
                        "ORDER",
                        "description",
                        "Idempotency key of the OrderBridge order this Shopify order was created from.",
                        "capabilities",
                        Map.of("uniqueValues", Map.of("enabled", true))));
    }
}
