package org.orderbridge.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

record OrderListView(List<OrderView> items, @Nullable String nextCursor) {

    static OrderListView of(OrderPage page) {
        return new OrderListView(
                page.orders().stream().map(OrderView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
