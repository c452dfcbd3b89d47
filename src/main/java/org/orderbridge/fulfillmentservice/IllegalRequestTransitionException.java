package org.orderbridge.fulfillmentservice;

/** A move the request's status does not allow, or an answer contradicting the one given before: 409. */
public class IllegalRequestTransitionException extends RuntimeException {

    IllegalRequestTransitionException(String message) {
        super(message);
    }
}
