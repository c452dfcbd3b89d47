package org.orderbridge.shopify;

/** Result of {@link ShopifyOrders#createOrder}; transient trouble is thrown as {@link ShopifyUnavailableException}. */
public sealed interface PushOutcome {

    /** The order exists in Shopify: created by this call or found from an earlier attempt. */
    record Created(String shopifyGid, long shopifyLegacyId, String name) implements PushOutcome {}

    /** Shopify (or the draft itself) refuses the order; retrying the same draft will not help. */
    record Rejected(String reason) implements PushOutcome {}
}
