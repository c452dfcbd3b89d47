package org.orderbridge.order;

import java.util.List;

interface OrderQueries {

    List<Order> search(OrderFilter filter, OrderCursor after, int limit);
}
