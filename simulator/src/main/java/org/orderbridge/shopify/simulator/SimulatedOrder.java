package org.orderbridge.shopify.simulator;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An order the simulator created, with the {@code OrderCreateOrderInput} it was created from (as coerced by graphql-java)
 * and the customer it is associated with (null when it has none).
 */
public record SimulatedOrder(
        String shop,
        long legacyId,
        String name,
        OffsetDateTime createdAt,
        Map<String, Object> input,
        SimulatedCustomers.Customer customer) {

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
        return order;
    }
}
