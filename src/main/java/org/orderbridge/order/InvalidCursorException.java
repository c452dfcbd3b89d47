package org.orderbridge.order;

public class InvalidCursorException extends RuntimeException {

    InvalidCursorException() {
        super("The cursor is not one this API handed out; start again without it");
    }
}
