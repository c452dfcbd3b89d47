package org.orderbridge.shopify;

import java.time.Duration;

/** Shopify could not take the request now (down, throttled, circuit open); a later attempt may succeed. */
public class ShopifyUnavailableException extends RuntimeException {

    private final Duration retryAfterHint;

    public ShopifyUnavailableException(String message, Duration retryAfterHint, Throwable cause) {
        super(message, cause);
        this.retryAfterHint = retryAfterHint;
    }

    /** When Shopify suggested trying again, if it did; otherwise null. */
    public Duration retryAfterHint() {
        return retryAfterHint;
    }
}
