package org.orderbridge.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Position after the last order of a page, opaque to clients so that the sort key can change. */
public record OrderCursor(Instant updatedAt, UUID id) {

    static OrderCursor after(Order order) {
        return new OrderCursor(order.updatedAt(), order.id().value());
    }

    public String encode() {
        String raw = updatedAt.getEpochSecond() + ":" + updatedAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static OrderCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
            return new OrderCursor(at, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
    }
}
