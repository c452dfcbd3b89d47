package org.orderbridge.order;

import org.jspecify.annotations.Nullable;

/**
 * What a caller asked of a cancellation in Shopify, kept on the order until Shopify has done it: the arguments of
 * {@code orderCancel}.
 *
 * @param refund refund what was paid to the original payment methods
 * @param staffNote a note for the merchant's staff, not shown to the customer (Shopify takes up to 255 characters)
 */
public record CancelRequest(
        CancelReason reason,
        boolean restock,
        boolean refund,
        boolean notifyCustomer,
        @Nullable String staffNote) {

    /**
     * For an order withdrawn while its create may have reached Shopify: the copy Shopify may hold is cancelled with its
     * stock put back, nobody refunded (nothing was paid through OrderBridge's order) and nobody notified.
     */
    static final CancelRequest WITHDRAWN = new CancelRequest(CancelReason.OTHER, true, false, false, null);
}
