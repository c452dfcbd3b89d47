package org.orderbridge.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

interface OrderQueries {

    List<Order> search(OrderFilter filter, @Nullable OrderCursor after, int limit);
}
