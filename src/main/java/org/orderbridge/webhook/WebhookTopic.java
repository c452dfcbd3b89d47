package org.orderbridge.webhook;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Shopify topics this service subscribes to. */
enum WebhookTopic {
    ORDERS_CREATE("orders/create"),
    ORDERS_UPDATED("orders/updated"),
    ORDERS_PAID("orders/paid"),
    ORDERS_CANCELLED("orders/cancelled"),
    ORDERS_FULFILLED("orders/fulfilled"),
    ORDERS_PARTIALLY_FULFILLED("orders/partially_fulfilled"),
    ORDERS_DELETE("orders/delete"),
    FULFILLMENTS_CREATE("fulfillments/create"),
    FULFILLMENTS_UPDATE("fulfillments/update"),
    FULFILLMENT_ORDERS_HOLD_RELEASED("fulfillment_orders/hold_released"),
    FULFILLMENT_ORDERS_SCHEDULED_FULFILLMENT_ORDER_READY("fulfillment_orders/scheduled_fulfillment_order_ready"),
    PRODUCTS_UPDATE("products/update"),
    APP_UNINSTALLED("app/uninstalled"),
    CUSTOMERS_DATA_REQUEST("customers/data_request"),
    CUSTOMERS_REDACT("customers/redact"),
    SHOP_REDACT("shop/redact"),
    ORDERS_EDITED("orders/edited"),
    REFUNDS_CREATE("refunds/create"),
    FULFILLMENT_ORDERS_CANCELLED("fulfillment_orders/cancelled"),
    FULFILLMENT_ORDERS_MOVED("fulfillment_orders/moved"),
    FULFILLMENT_ORDERS_SPLIT("fulfillment_orders/split"),
    FULFILLMENT_ORDERS_MERGED("fulfillment_orders/merged"),
    FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED("fulfillment_orders/fulfillment_request_submitted"),
    FULFILLMENT_ORDERS_CANCELLATION_REQUEST_SUBMITTED("fulfillment_orders/cancellation_request_submitted");

    private static final Map<String, WebhookTopic> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(WebhookTopic::topic, Function.identity()));

    private final String topic;

    WebhookTopic(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    static Optional<WebhookTopic> of(String topic) {
        return Optional.ofNullable(BY_NAME.get(topic));
    }

    /** Shopify's mandatory privacy topics, sent for every shop that ever installed the app. */
    boolean isCompliance() {
        return this == CUSTOMERS_DATA_REQUEST || this == CUSTOMERS_REDACT || this == SHOP_REDACT;
    }

    boolean carriesOrder() {
        // orders/edited carries the edit (order_edit), not the order.
        return name().startsWith("ORDERS_") && this != ORDERS_DELETE && this != ORDERS_EDITED;
    }
}
