package org.orderbridge.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Optional criteria of the order listing; null means "any". */
public record OrderFilter(
        @Nullable String shop,
        @Nullable OrderStatus status,
        @Nullable Instant updatedSince) {}
