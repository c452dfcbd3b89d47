package org.orderbridge.order;

import java.util.List;

public record OrderPage(List<Order> orders, OrderCursor next) {}
