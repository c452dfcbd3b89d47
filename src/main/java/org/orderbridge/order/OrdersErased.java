package org.orderbridge.order;

import java.util.List;

/**
 * A shop's orders are being erased (Shopify's shop/redact). Published inside the erasing transaction, before the
 * orders are deleted, and also for a shop without orders: whoever keeps something of the shop's orders erases it in
 * the same transaction.
 */
public record OrdersErased(String shopDomain, List<OrderId> orderIds) {

    public OrdersErased {
        orderIds = List.copyOf(orderIds);
    }
}
