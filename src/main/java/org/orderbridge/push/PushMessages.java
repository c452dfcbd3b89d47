package org.orderbridge.push;

import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The push queue's messages: {@code {"kind":"...","id":"..."}}; what they push is read from the database. Messages of
 * the {@link #ORDER_KIND} keep the shape they had before there were other kinds, {@code {"orderId":"..."}}: instances of
 * the earlier release, still running while a deploy rolls, read order pushes only in that shape, and messages of that
 * shape may wait on the queue or in its dead-letter queue, to be re-driven, at any time.
 */
final class PushMessages {

    static final String ORDER_KIND = "order";

    private PushMessages() {}

    static String body(String kind, UUID subjectId) {
        return ORDER_KIND.equals(kind)
                ? "{\"orderId\":\"" + subjectId + "\"}"
                : "{\"kind\":\"" + kind + "\",\"id\":\"" + subjectId + "\"}";
    }

    /** What a message asks to push. */
    record Push(String kind, UUID subjectId) {}

    /** @throws IllegalArgumentException when the body is not a push message */
    static Push read(String body, ObjectMapper mapper) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("push message is not JSON");
        }
        if (json != null && json.has("kind")) {
            JsonNode kind = json.get("kind");
            JsonNode id = json.get("id");
            if (!kind.isString() || id == null || !id.isString()) {
                throw new IllegalArgumentException("push message has a kind but no id");
            }
            return new Push(kind.asString(), uuid(id.asString(), "push message's id is not a UUID"));
        }
        JsonNode orderId = json == null ? null : json.get("orderId");
        if (orderId == null || !orderId.isString()) {
            throw new IllegalArgumentException("push message has neither a kind nor an orderId");
        }
        return new Push(ORDER_KIND, uuid(orderId.asString(), "push message's orderId is not a UUID"));
    }

    private static UUID uuid(String value, String refusal) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(refusal);
        }
    }
}
