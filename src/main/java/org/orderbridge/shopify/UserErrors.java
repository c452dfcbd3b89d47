package org.orderbridge.shopify;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

final class UserErrors {

    private UserErrors() {}

    static boolean hasCode(JsonNode userErrors, String code) {
        return StreamSupport.stream(userErrors.spliterator(), false)
                .anyMatch(e -> code.equals(e.path("code").asString()));
    }

    static String describe(JsonNode userErrors) {
        return StreamSupport.stream(userErrors.spliterator(), false)
                .map(e -> {
                    String field = e.path("field").isArray()
                            ? StreamSupport.stream(e.path("field").spliterator(), false)
                                    .map(JsonNode::asText)
                                    .collect(Collectors.joining("."))
                            : "";
                    return (field.isEmpty() ? "" : field + ": ")
                            + e.path("message").asString();
                })
                .collect(Collectors.joining("; "));
    }
}
