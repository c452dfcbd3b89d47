package org.orderbridge.order;

import java.time.Instant;

/** Shopify's totals of a pushed order differ from what the caller's order adds up to; a person has to look. */
public record TotalsMismatch(OrderTotals expected, OrderTotals shopify, String detectedAt) {

    static TotalsMismatch of(OrderTotals expected, OrderTotals shopify, Instant now) {
        // Kept as text: the JSON column's mapper needs no date-time support for it.
        return new TotalsMismatch(expected, shopify, now.toString());
    }

    /** E.g. "tax 3.80 ≠ 4.10; total 46.20 ≠ 46.50" (ours first, Shopify's second). */
    public String summary() {
        return String.join("; ", expected.differences(shopify));
    }
}
