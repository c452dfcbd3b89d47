package org.orderbridge.order;

/** Where the cancellation of an order in Shopify stands. */
public enum CancellationState {
    /** Asked for; orderCancel not sent yet (or sent without a seen answer). */
    REQUESTED,
    /** Shopify took orderCancel; its job has not been seen to cancel the order yet. */
    SENT,
    /** Shopify holds the order as cancelled, or never held it. */
    DONE,
    /** Shopify refused the cancellation; {@code cancellation.error} says why. */
    REFUSED
}
