package org.orderbridge.order;

import java.util.List;

record OrderListView(List<OrderView> items, String nextCursor) {

    static OrderListView of(OrderPage page) {
        return new OrderListView(
                page.orders().stream().map(OrderView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
