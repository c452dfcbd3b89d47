package org.orderbridge.shopify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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
        @Nullable String financialStatus) {

    private static final List<String> AMOUNTS =
            List.of("subtotalPriceSet", "totalShippingPriceSet", "totalTaxSet", "totalDiscountsSet", "totalPriceSet");

    /**
     * The totals of an {@code Order} as {@code ShopifyOperation}'s CreatedOrder fragment selects them; null when an
     * amount is missing or unreadable: nothing is compared then, rather than a made-up zero, and the order that Shopify
     * did create is still recorded.
     */
    static @Nullable ShopifyTotals of(JsonNode order) {
        var amounts = new ArrayList<BigDecimal>(AMOUNTS.size());
        for (String field : AMOUNTS) {
            JsonNode amount = order.path(field).path("shopMoney").path("amount");
            if (!amount.isString() && !amount.isNumber()) {
                return null;
            }
            try {
                amounts.add(new BigDecimal(amount.asString()));
            } catch (NumberFormatException unreadable) {
                return null;
            }
        }
        JsonNode status = order.path("displayFinancialStatus");
        return new ShopifyTotals(
                amounts.get(0),
                amounts.get(1),
                amounts.get(2),
                amounts.get(3),
                amounts.get(4),
                status.isString() ? status.asString() : null);
    }
}
