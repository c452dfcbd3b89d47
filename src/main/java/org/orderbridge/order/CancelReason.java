package org.orderbridge.order;

/** Why an order is cancelled: Shopify's {@code OrderCancelReason}, which {@code orderCancel} requires. */
public enum CancelReason {
    /** The customer wanted to cancel the order. */
    CUSTOMER,
    /** Payment was declined. */
    DECLINED,
    /** The order was fraudulent. */
    FRAUD,
    /** There was insufficient inventory. */
    INVENTORY,
    /** Staff made an error. */
    STAFF,
    /** Any other reason. */
    OTHER
}
