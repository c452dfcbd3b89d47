package org.orderbridge.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one Shopify webhook says an order looks like at {@code updatedAt}. */
public record ShopifyOrderSnapshot(
        String shopDomain,
        long shopifyOrderId,
        @Nullable String shopifyGid,
        @Nullable String name,
        @Nullable Customer customer,
        @Nullable Long shopifyCustomerId,
        @Nullable Address shippingAddress,
        @Nullable Address billingAddress,
        List<LineItem> lineItems,
        String currency,
        @Nullable BigDecimal totalPrice,
        @Nullable String financialStatus,
        @Nullable String fulfillmentStatus,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason,
        @Nullable String note,
        List<String> tags,
        Instant updatedAt,
        @Nullable String sourceName,
        @Nullable String sourceIdentifier) {

    public ShopifyOrderSnapshot {
        lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
