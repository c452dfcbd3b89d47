package org.orderbridge.shopify;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An order's totals as Shopify reports them in the shop's currency: {@code subtotalPriceSet},
 * {@code totalShippingPriceSet}, {@code totalTaxSet}, {@code totalDiscountsSet}, {@code totalPriceSet} and
 * {@code displayFinancialStatus} (null when Shopify gives none).
 */
public record ShopifyTotals(
        BigDecimal subtotal,
        BigDecimal shipping,
        BigDecimal tax,
        BigDecimal discounts,
        BigDecimal total,
        @Nullable String financialStatus) {}
