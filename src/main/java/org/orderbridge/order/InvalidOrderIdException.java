package org.orderbridge.order;

public class InvalidOrderIdException extends RuntimeException {

    InvalidOrderIdException(String text) {
        super("'" + abbreviate(text) + "' is not an order id (a UUID)");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
