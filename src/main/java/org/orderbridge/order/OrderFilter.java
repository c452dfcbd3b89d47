package org.orderbridge.order;

import java.time.Instant;

/** Optional criteria of the order listing; null means "any". */
public record OrderFilter(String shop, OrderStatus status, Instant updatedSince) {}
