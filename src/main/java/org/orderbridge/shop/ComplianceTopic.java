package org.orderbridge.shop;

import java.util.Arrays;
import java.util.Optional;

/** Shopify's mandatory privacy topics, and {@code app/uninstalled}, which makes a shop's erasure possible. */
public enum ComplianceTopic {
    APP_UNINSTALLED("app/uninstalled"),
    CUSTOMERS_DATA_REQUEST("customers/data_request"),
    CUSTOMERS_REDACT("customers/redact"),
    SHOP_REDACT("shop/redact");

    private final String topic;

    ComplianceTopic(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    public static Optional<ComplianceTopic> of(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
    }
}
