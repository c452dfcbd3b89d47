package org.orderbridge.reconcile;

/** An Admin GraphQL {@code Order} node lacks what a snapshot needs, or carries a value of the wrong form. */
public class UnmappableOrderNodeException extends RuntimeException {

    UnmappableOrderNodeException(String message) {
        super(message);
    }
}
