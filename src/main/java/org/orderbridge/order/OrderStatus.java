package org.orderbridge.order;

/** Where an order stands in OrderBridge (Shopify's own financial and fulfillment states are kept beside it). */
public enum OrderStatus {
    /** Accepted from our API; waiting to be created in Shopify. */
    PENDING_PUSH,
    /** Created in Shopify by us. */
    PUSHED,
    /** Shopify refused it for good; needs a person, then a manual re-push. */
    PUSH_FAILED,
    /** Withdrawn before it reached Shopify. */
    CANCELLED,
    /** Mirrors an order that was created in Shopify. */
    SYNCED,
    /** Deleted in Shopify. */
    DELETED
}
