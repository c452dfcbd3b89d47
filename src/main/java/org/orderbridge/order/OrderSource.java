package org.orderbridge.order;

public enum OrderSource {
    SHOPIFY,
    API
}
