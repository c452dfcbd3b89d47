package org.orderbridge.order;

import java.util.UUID;

/** Our identifier of an order, whatever its source; also the custom id it carries into Shopify. */
public record OrderId(UUID value) {

    public OrderId {
        if (value == null) {
            throw new IllegalArgumentException("order id must not be null");
        }
    }

    public static OrderId newId() {
        return new OrderId(UUID.randomUUID());
    }

    /** Parses a client-supplied id; a malformed one is the caller's mistake, not ours. */
    public static OrderId parse(String text) {
        try {
            return new OrderId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidOrderIdException(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
