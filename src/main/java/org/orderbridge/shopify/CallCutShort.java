package org.orderbridge.shopify;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The call ends without another request: Shopify asked for a wait longer than the configured maximum, or what is left
 * of the caller's time budget cannot hold the wait plus a request. Not a sign of Shopify's health, so neither retried
 * nor counted by the circuit breaker unless a transient failure came first; the caller tries again after
 * {@link #retryAfter()}.
 */
final class CallCutShort extends RuntimeException {

    private final Duration retryAfter;

    CallCutShort(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    /** @param failure the transient failure after which the call gave up; it counts against the shop's circuit */
    CallCutShort(String message, Duration retryAfter, @Nullable TransientShopifyFailure failure) {
        super(message, failure, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whether the call met a transient failure before it was cut short, which says something about Shopify. */
    boolean afterFailure() {
        return getCause() != null;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
