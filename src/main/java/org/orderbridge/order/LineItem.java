package org.orderbridge.order;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A line of an order. Shopify's lines may lack any nullable value; a line accepted by the API has a title and a price.
 *
 * @param requiresShipping for a line without variant, whether the item is shipped; null when the caller left it to the
 *     default (shipped), for a variant's line (the variant's setting applies), and in what Shopify reports
 * @param taxable likewise, whether the item is taxed (default: taxed)
 */
public record LineItem(
        @Nullable Long shopifyLineItemId,
        @Nullable String sku,
        @Nullable Long variantId,
        @Nullable String title,
        int quantity,
        @Nullable BigDecimal unitPrice,
        @Nullable Boolean requiresShipping,
        @Nullable Boolean taxable) {

    /** A line as Shopify reports it, which says nothing of shipping and tax. */
    public LineItem(
            @Nullable Long shopifyLineItemId,
            @Nullable String sku,
            @Nullable Long variantId,
            @Nullable String title,
            int quantity,
            @Nullable BigDecimal unitPrice) {
        this(shopifyLineItemId, sku, variantId, title, quantity, unitPrice, null, null);
    }

    LineItem withSettings(@Nullable Boolean requiresShipping, @Nullable Boolean taxable) {
        return new LineItem(shopifyLineItemId, sku, variantId, title, quantity, unitPrice, requiresShipping, taxable);
    }
}
