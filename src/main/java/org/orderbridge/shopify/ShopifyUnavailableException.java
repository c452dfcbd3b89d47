package org.orderbridge.shopify;

import java.time.Duration;

/** Shopify could not be reached reliably for now; the push may be retried after {@link #retryAfterHint()}. */
public class ShopifyUnavailableException extends RuntimeException {

    private final Duration retryAfterHint;

    public ShopifyUnavailableException(String message, Duration retryAfterHint, Throwable cause) {
        super(message, cause);
        this.retryAfterHint = retryAfterHint;
    }

    public Duration retryAfterHint() {
        return retryAfterHint;
    }
}
