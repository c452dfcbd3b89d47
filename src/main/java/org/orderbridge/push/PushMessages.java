package org.orderbridge.push;

import java.util.UUID;
import org.orderbridge.order.OrderId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The push queue's message: {@code {"orderId":"..."}}; the order itself is read from the database. */
final class PushMessages {

    private PushMessages() {}

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
