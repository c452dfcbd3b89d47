package org.orderbridge.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What one Shopify webhook says an order looks like at {@code updatedAt}. */
public record ShopifyOrderSnapshot(
        String shopDomain,
        long shopifyOrderId,
        String shopifyGid,
        String name,
        Customer customer,
        Long shopifyCustomerId,
        Address shippingAddress,
        Address billingAddress,
        List<LineItem> lineItems,
        String currency,
        BigDecimal totalPrice,
        String financialStatus,
        String fulfillmentStatus,
        Instant cancelledAt,
        String cancelReason,
        String note,
        List<String> tags,
        Instant updatedAt,
        String sourceName,
        String sourceIdentifier) {

    public ShopifyOrderSnapshot {
        lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
