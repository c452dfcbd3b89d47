package org.orderbridge.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record OrderPage(List<Order> orders, @Nullable OrderCursor next) {}
