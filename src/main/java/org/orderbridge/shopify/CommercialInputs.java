package org.orderbridge.shopify;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The parts of {@code OrderCreateOrderInput} that say what the order costs beyond its lines' prices and how it was
 * paid (docs/shopify.md maps them field by field).
 */
final class CommercialInputs {

    private static final int MAX_CODE = 255;

    private CommercialInputs() {}

    static void put(Map<String, Object> order, List<Map<String, Object>> lineItems, OrderDraft draft, MoneyBags bags) {
        OrderDraft.Commercial c = draft.commercial();
        if (c.lines().size() > lineItems.size()) {
            throw new PermanentShopifyFailure("Draft has charges for more lines than it has");
        }
        for (int i = 0; i < c.lines().size(); i++) {
            List<OrderDraft.TaxLine> taxes = c.lines().get(i).taxLines();
            if (!taxes.isEmpty()) {
                lineItems.get(i).put("taxLines", taxLines(taxes, bags));
            }
        }
        if (!c.shippingLines().isEmpty()) {
            order.put(
                    "shippingLines",
                    c.shippingLines().stream().map(s -> shippingLine(s, bags)).toList());
        }
        if (!c.taxLines().isEmpty()) {
            order.put("taxLines", taxLines(c.taxLines(), bags));
        }
        if (c.taxesIncluded()) {
            order.put("taxesIncluded", true);
        }
        Map<String, Object> discountCode = discountCode(c, bags);
        if (discountCode != null) {
            order.put("discountCode", discountCode);
        }
        if (!c.transactions().isEmpty()) {
            order.put(
                    "transactions",
                    c.transactions().stream().map(t -> transaction(t, bags)).toList());
        }
        putIfPresent(order, "financialStatus", c.financialStatus());
        putIfPresent(order, "poNumber", c.poNumber());
        putIfPresent(order, "presentmentCurrency", c.presentmentCurrency());
        putIfPresent(order, "companyLocationId", c.companyLocationId());
        if (!c.customAttributes().isEmpty()) {
            order.put(
                    "customAttributes",
                    c.customAttributes().stream()
                            .map(a -> Map.of("key", a.key(), "value", a.value()))
                            .toList());
        }
        if (c.processedAt() != null) {
            order.put("processedAt", c.processedAt().toString());
        }
        if (c.test()) {
            order.put("test", true);
        }
    }

    /**
     * {@code OrderCreateLineItemInput} has no discount field, and {@code OrderCreateDiscountCodeInput} takes one code: the
     * lines' discounts travel together as one fixed amount off the lines, named after their descriptions, which Shopify
     * spreads over the lines by their prices. The order's total is the same; each line's share may differ from the
     * caller's.
     */
    private static @Nullable Map<String, Object> discountCode(OrderDraft.Commercial c, MoneyBags bags) {
        BigDecimal lineDiscounts = c.lines().stream()
                .map(OrderDraft.LineCharges::discount)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderDraft.DiscountCode code = c.discountCode();
        if (lineDiscounts.signum() > 0) {
            if (code != null) {
                throw new PermanentShopifyFailure(
                        "Line discounts and an order discount cannot both be sent: orderCreate takes one discount code");
            }
            String names = c.lines().stream()
                    .filter(l -> l.discount() != null && l.discountDescription() != null)
                    .map(OrderDraft.LineCharges::discountDescription)
                    .distinct()
                    .collect(Collectors.joining(" / "));
            String name = names.isBlank() ? "Line discounts" : names;
            return Map.of(
                    "itemFixedDiscountCode",
                    Map.of(
                            "code",
                            name.length() > MAX_CODE ? name.substring(0, MAX_CODE) : name,
                            "amountSet",
                            bags.of(lineDiscounts)));
        }
        if (code == null) {
            return null;
        }
        return switch (code.type()) {
            case "FIXED_AMOUNT" ->
                Map.of("itemFixedDiscountCode", Map.of("code", code.code(), "amountSet", bags.of(value(code))));
            case "PERCENTAGE" ->
                Map.of(
                        "itemPercentageDiscountCode",
                        Map.of("code", code.code(), "percentage", value(code).doubleValue()));
            case "FREE_SHIPPING" -> Map.of("freeShippingDiscountCode", Map.of("code", code.code()));
            default -> throw new PermanentShopifyFailure("Unknown discount type: " + code.type());
        };
    }

    private static BigDecimal value(OrderDraft.DiscountCode code) {
        if (code.value() == null) {
            throw new PermanentShopifyFailure("Discount " + code.code() + " of type " + code.type() + " has no value");
        }
        return code.value();
    }

    private static Map<String, Object> shippingLine(OrderDraft.ShippingLine line, MoneyBags bags) {
        var input = new LinkedHashMap<String, Object>();
        input.put("title", line.title());
        putIfPresent(input, "code", line.code());
        input.put("priceSet", bags.of(line.price()));
        if (!line.taxLines().isEmpty()) {
            input.put("taxLines", taxLines(line.taxLines(), bags));
        }
        return input;
    }

    private static List<Map<String, Object>> taxLines(List<OrderDraft.TaxLine> taxLines, MoneyBags bags) {
        return taxLines.stream()
                .map(t -> Map.<String, Object>of(
                        "title", t.title(), "rate", t.rate().toPlainString(), "priceSet", bags.of(t.price())))
                .toList();
    }

    private static Map<String, Object> transaction(OrderDraft.Transaction transaction, MoneyBags bags) {
        var input = new LinkedHashMap<String, Object>();
        input.put("kind", transaction.kind());
        input.put("status", transaction.status());
        putIfPresent(input, "gateway", transaction.gateway());
        input.put("amountSet", bags.of(transaction.amount()));
        return input;
    }

    private static void putIfPresent(Map<String, Object> target, String key, @Nullable Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            target.put(key, value);
        }
    }
}
