package org.orderbridge.shopify;

/** How Shopify answered an order creation that did not fail transiently. */
public sealed interface PushOutcome {

    /** The order exists in Shopify (created now, or found under our id from an earlier attempt). */
    record Created(String shopifyGid, long shopifyLegacyId, String name) implements PushOutcome {
    }

    /** Shopify refused the order; retrying the same draft cannot succeed. */
    record Rejected(String reason) implements PushOutcome {
    }
}
