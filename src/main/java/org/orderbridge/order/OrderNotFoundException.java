package org.orderbridge.order;

public class OrderNotFoundException extends RuntimeException {

    OrderNotFoundException(OrderId id) {
        super("No order " + id);
    }
}
