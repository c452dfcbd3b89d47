package org.orderbridge.order;

/** The order is not in a state that allows what was asked; the API answers 409. */
public class IllegalOrderTransitionException extends RuntimeException {

    IllegalOrderTransitionException(OrderId id, OrderStatus status, String action) {
        super("Order " + id + " is " + status + " and cannot be " + action);
    }
}
