package org.orderbridge.shopify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

final class UserErrors {

    private UserErrors() {}

    static boolean hasCode(JsonNode userErrors, String code) {
        return errors(userErrors).anyMatch(e -> code.equals(e.path("code").asString()));
    }

    static String describe(JsonNode userErrors) {
        return errors(userErrors).map(UserErrors::describeOne).collect(Collectors.joining("; "));
    }

    /**
     * Like {@link #describe(JsonNode)}, with the order line an error's field path points at named by what the caller
     * knows it by (its position, SKU and variant): Shopify's path only counts lines.
     */
    static String describe(JsonNode userErrors, List<OrderDraft.Line> lines) {
        return errors(userErrors)
                .map(e -> line(e, lines).map(line -> line + ": ").orElse("") + describeOne(e))
                .collect(Collectors.joining("; "));
    }

    private static Optional<String> line(JsonNode error, List<OrderDraft.Line> lines) {
        List<String> field = errors(error.path("field")).map(JsonNode::asString).toList();
        int at = field.indexOf("lineItems");
        if (at < 0 || at + 1 >= field.size() || !field.get(at + 1).matches("\\d{1,6}")) {
            return Optional.empty();
        }
        int index = Integer.parseInt(field.get(at + 1));
        if (index >= lines.size()) {
            return Optional.empty();
        }
        OrderDraft.Line line = lines.get(index);
        var known = new ArrayList<String>();
        if (line.sku() != null) {
            known.add("SKU " + line.sku());
        }
        if (line.variantId() != null) {
            known.add("variant " + line.variantId());
        }
        return Optional.of("line " + (index + 1) + (known.isEmpty() ? "" : " (" + String.join(", ", known) + ")"));
    }

    private static String describeOne(JsonNode error) {
        String field = error.path("field").isArray()
                ? errors(error.path("field")).map(JsonNode::asString).collect(Collectors.joining("."))
                : "";
        return (field.isEmpty() ? "" : field + ": ") + error.path("message").asString();
    }

    private static Stream<JsonNode> errors(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
