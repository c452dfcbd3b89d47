package org.orderbridge.order;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Optional criteria of the order listing; null means "any".
 *
 * @param shops the shops the caller may see; empty for every shop
 */
public record OrderFilter(
        @Nullable String shop,
        @Nullable OrderStatus status,
        @Nullable Instant updatedSince,
        Set<String> shops) {

    public OrderFilter {
        shops = Set.copyOf(shops);
    }

    public OrderFilter(@Nullable String shop, @Nullable OrderStatus status, @Nullable Instant updatedSince) {
        this(shop, status, updatedSince, Set.of());
    }
}
