package org.orderbridge.shopify.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What {@code orderCreate} refuses in an order's money: its documented rules on tax lines, shipping and discounts. */
final class SimulatedOrderInputs {

    private SimulatedOrderInputs() {}

    /** A userError in Shopify's shape, or null when the order's money is acceptable. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> refusal(Map<String, Object> input) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) input.getOrDefault("lineItems", List.of());
        List<Object> orderTaxes = (List<Object>) input.get("taxLines");
        // "tax lines can be specified on the order or the line items but not both"
        // (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/OrderCreateOrderInput, taxLines)
        if (orderTaxes != null
                && !orderTaxes.isEmpty()
                && lines.stream().anyMatch(l -> l.get("taxLines") instanceof List<?> own && !own.isEmpty())) {
            return error(
                    List.of("order", "taxLines"),
                    "Tax lines can be specified on the order or the line items but not both");
        }
        // "The price of this shipping method in the shop currency. Can't be negative."
        // (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/OrderCreateShippingLineInput)
        List<Map<String, Object>> shipping = (List<Map<String, Object>>) input.getOrDefault("shippingLines", List.of());
        for (int i = 0; shipping != null && i < shipping.size(); i++) {
            if (SimulatedTotals.money(shipping.get(i).get("priceSet"), "shopMoney")
                            .signum()
                    < 0) {
                return error(
                        List.of("order", "shippingLines", Integer.toString(i), "priceSet"), "Price can't be negative");
            }
        }
        // One kind of discount per code: OrderCreateDiscountCodeInput is a choice of fixed, percentage or free
        // shipping.
        if (input.get("discountCode") instanceof Map<?, ?> code && code.size() != 1) {
            return error(List.of("order", "discountCode"), "Exactly one kind of discount code must be given");
        }
        if (input.get("discountCode") instanceof Map<?, ?> code
                && code.get("itemPercentageDiscountCode") instanceof Map<?, ?> percentage
                && percentage.get("percentage") != null
                && new BigDecimal(String.valueOf(percentage.get("percentage"))).compareTo(BigDecimal.valueOf(100))
                        > 0) {
            return error(
                    List.of("order", "discountCode", "itemPercentageDiscountCode", "percentage"),
                    "Percentage must be at most 100");
        }
        return null;
    }

    private static Map<String, Object> error(List<String> field, String message) {
        // Real wording and code unknown; OrderBridge must not depend on them.
        return Map.of("field", field, "code", "INVALID", "message", message);
    }
}
