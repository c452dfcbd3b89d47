package org.orderbridge.order;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A line of an order. Shopify's lines may lack any nullable value; a line accepted by the API has a title and a price. */
public record LineItem(
        @Nullable Long shopifyLineItemId,
        @Nullable String sku,
        @Nullable Long variantId,
        @Nullable String title,
        int quantity,
        @Nullable BigDecimal unitPrice) {}
