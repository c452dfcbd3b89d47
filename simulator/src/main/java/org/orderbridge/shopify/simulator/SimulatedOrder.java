package org.orderbridge.shopify.simulator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An order the simulator created, with the {@code OrderCreateOrderInput} it was created from (as coerced by graphql-java),
 * the customer it is associated with (null when it has none) and what it added up to when it was created.
 */
public record SimulatedOrder(
        String shop,
        long legacyId,
        String name,
        OffsetDateTime createdAt,
        Map<String, Object> input,
        SimulatedCustomers.Customer customer,
        SimulatedTotals totals) {

    /** An order in a shop that charges tax on shipping rates. */
    public SimulatedOrder(
            String shop,
            long legacyId,
            String name,
            OffsetDateTime createdAt,
            Map<String, Object> input,
            SimulatedCustomers.Customer customer) {
        this(shop, legacyId, name, createdAt, input, customer, SimulatedTotals.of(input, true));
    }

    public String gid() {
        return "gid://shopify/Order/" + legacyId;
    }

    public String sourceName() {
        return (String) input.get("sourceName");
    }

    public String sourceIdentifier() {
        return (String) input.get("sourceIdentifier");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> lineItems() {
        return (List<Map<String, Object>>) input.getOrDefault("lineItems", List.of());
    }

    /**
     * Whether the line (0-based) is shipped. graphql-java fills in the input's defaults as Shopify's schema declares
     * them, so an orderCreate line says it; an order made in the admin gets the same documented default
     * (shopify.dev, admin-graphql "OrderCreateLineItemInput": {@code requiresShipping} "Default: false").
     */
    public boolean requiresShipping(int line) {
        return setting(line, "requiresShipping", false);
    }

    /** Whether the line (0-based) is taxed, likewise ("OrderCreateLineItemInput": {@code taxable} "Default: true"). */
    public boolean taxable(int line) {
        return setting(line, "taxable", true);
    }

    private boolean setting(int line, String field, boolean otherwise) {
        return lineItems().get(line).get(field) instanceof Boolean given ? given : otherwise;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> metafields() {
        return (List<Map<String, Object>>) input.getOrDefault("metafields", List.of());
    }

    public Optional<String> metafieldValue(String namespace, String key) {
        return metafields().stream()
                .filter(m -> Objects.equals(m.get("namespace"), namespace) && Objects.equals(m.get("key"), key))
                .map(m -> (String) m.get("value"))
                .findFirst();
    }

    /** The shape the Admin GraphQL {@code Order} type's fields are read from. */
    Map<String, Object> asGraphql() {
        var order = new LinkedHashMap<String, Object>();
        order.put("__typename", "Order");
        order.put("id", gid());
        order.put("legacyResourceId", Long.toString(legacyId));
        order.put("name", name);
        order.put("createdAt", createdAt.toString());
        order.put("email", input.get("email"));
        order.put("sourceName", sourceName());
        order.put("sourceIdentifier", sourceIdentifier());
        order.put("currencyCode", input.get("currency"));
        order.put("note", input.get("note"));
        order.put("tags", input.getOrDefault("tags", List.of()));
        order.put(
                "subtotalPriceSet",
                moneyBag(totals.shop().subtotal(), totals.presentment().subtotal()));
        order.put(
                "totalShippingPriceSet",
                moneyBag(totals.shop().shipping(), totals.presentment().shipping()));
        order.put(
                "totalTaxSet",
                moneyBag(totals.shop().tax(), totals.presentment().tax()));
        order.put(
                "totalDiscountsSet",
                moneyBag(totals.shop().discounts(), totals.presentment().discounts()));
        order.put(
                "totalPriceSet",
                moneyBag(totals.shop().total(), totals.presentment().total()));
        order.put("displayFinancialStatus", totals.financialStatus());
        order.put("presentmentCurrencyCode", totals.presentment().currency());
        order.put("taxesIncluded", Boolean.TRUE.equals(input.get("taxesIncluded")));
        order.put("poNumber", input.get("poNumber"));
        order.put("test", Boolean.TRUE.equals(input.get("test")));
        order.put("processedAt", processedAt().toString());
        return order;
    }

    /**
     * When the order was placed: as given, but never later than its creation ("As of API version 2026-07, values in the
     * future are clamped to the current time", admin-graphql OrderCreateOrderInput.processedAt).
     */
    public OffsetDateTime processedAt() {
        if (input.get("processedAt") instanceof String given) {
            OffsetDateTime at = OffsetDateTime.parse(given);
            return at.isAfter(createdAt) ? createdAt : at;
        }
        return createdAt;
    }

    /** A {@code MoneyBag}: amounts in the shop's currency and in the presentment currency. */
    Map<String, Object> moneyBag(BigDecimal shopAmount, BigDecimal presentmentAmount) {
        return Map.of(
                "shopMoney",
                Map.of(
                        "amount",
                        shopAmount.toPlainString(),
                        "currencyCode",
                        totals.shop().currency()),
                "presentmentMoney",
                Map.of(
                        "amount",
                        presentmentAmount.toPlainString(),
                        "currencyCode",
                        totals.presentment().currency()));
    }
}
