package org.orderbridge.shopify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Shopify could not be reached reliably for now; the push may be retried after {@link #retryAfterHint()}. */
public class ShopifyUnavailableException extends RuntimeException {

    private final @Nullable Duration retryAfterHint;

    public ShopifyUnavailableException(String message, @Nullable Duration retryAfterHint, @Nullable Throwable cause) {
        super(message, cause);
        this.retryAfterHint = retryAfterHint;
    }

    public @Nullable Duration retryAfterHint() {
        return retryAfterHint;
    }
}
