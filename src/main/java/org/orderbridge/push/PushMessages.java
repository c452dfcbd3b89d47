package org.orderbridge.push;

import java.util.UUID;
import org.orderbridge.order.OrderId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The push queue's messages: {@code {"orderId":"..."}} for an order create, {@code {"kind":"...","id":"..."}} for the
 * other kinds; what they push is read from the database.
 */
final class PushMessages {

    static final String ORDER_KIND = "order";

    private PushMessages() {}

    static String body(String kind, UUID subjectId) {
        return ORDER_KIND.equals(kind) ? body(subjectId) : "{\"kind\":\"" + kind + "\",\"id\":\"" + subjectId + "\"}";
    }

    /** A message of another kind than an order create, or null for an order create. */
    record Other(String kind, UUID id) {}

    /** @throws IllegalArgumentException when the body names a kind but is no valid message of it */
    static @org.jspecify.annotations.Nullable Other other(String body, ObjectMapper mapper) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (Exception e) {
            return null;
        }
        if (json == null || !json.has("kind")) {
            return null;
        }
        JsonNode kind = json.get("kind");
        JsonNode id = json.get("id");
        if (!kind.isString() || id == null || !id.isString()) {
            throw new IllegalArgumentException("push message has a kind but no id");
        }
        try {
            return new Other(kind.asString(), UUID.fromString(id.asString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("push message's id is not a UUID");
        }
    }

    static String body(UUID orderId) {
        return "{\"orderId\":\"" + orderId + "\"}";
    }

    /** @throws IllegalArgumentException when the body is not a push message */
    static OrderId orderId(String body, ObjectMapper mapper) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("push message is not JSON");
        }
        JsonNode id = json == null ? null : json.get("orderId");
        if (id == null || !id.isString()) {
            throw new IllegalArgumentException("push message has no orderId");
        }
        try {
            return new OrderId(UUID.fromString(id.asString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("push message's orderId is not a UUID");
        }
    }
}
