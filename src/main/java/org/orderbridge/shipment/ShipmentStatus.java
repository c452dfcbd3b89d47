package org.orderbridge.shipment;

/** Where a shipment stands on its way into Shopify. */
public enum ShipmentStatus {
    /** Accepted; its fulfillments are not (all) in Shopify yet, or the order itself is not. */
    PENDING_PUSH,
    /**
     * Shopify holds or schedules (some of) its items; it goes on by itself once they are released or opened (see the
     * hold reason).
     */
    HELD,
    /** Shopify holds its fulfillment(s). */
    FULFILLED,
    /** Shopify cannot fulfil it as asked, or its fulfillment was cancelled outside OrderBridge; see the reason. */
    FAILED,
    /** Withdrawn, and its fulfillments (if any) cancelled in Shopify. */
    CANCELLED
}
