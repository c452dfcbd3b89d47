package org.orderbridge.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

interface OrderQueries {

    List<Order> search(OrderFilter filter, @Nullable OrderCursor after, int limit);

    /**
     * Stores a new order. {@code save} merged it (a select-less merge still copies the whole entity: 7 % of a webhook's
     * CPU in its profile), although an order with no version yet should count as new.
     */
    void insert(Order order);
}
