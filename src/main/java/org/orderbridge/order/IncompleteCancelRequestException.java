package org.orderbridge.order;

import java.util.ArrayList;
import java.util.List;

/** Cancelling an order in Shopify takes a reason and a restock decision; the API answers 400 naming the missing ones. */
class IncompleteCancelRequestException extends RuntimeException {

    private final List<String> missing;

    IncompleteCancelRequestException(OrderId id, boolean reasonMissing, boolean restockMissing) {
        super(
                "Order " + id + " is in Shopify: cancelling it there takes a reason and whether to restock",
                null,
                false,
                false);
        var fields = new ArrayList<String>();
        if (reasonMissing) {
            fields.add("reason");
        }
        if (restockMissing) {
            fields.add("restock");
        }
        this.missing = List.copyOf(fields);
    }

    List<String> missing() {
        return missing;
    }
}
