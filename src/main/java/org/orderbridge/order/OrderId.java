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
        UUID value;
        try {
            value = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidOrderIdException(text);
        }
        // UUID.fromString also takes shortened groups ("1-2-3-4-5") and reads them as some other order's id.
        if (!value.toString().equalsIgnoreCase(text)) {
            throw new InvalidOrderIdException(text);
        }
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
