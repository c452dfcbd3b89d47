package org.orderbridge.shopify;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request that may succeed if repeated.
 *
 * @param ambiguous whether Shopify may have executed the request although we saw no answer; a create must then be
 *                  preceded by a look-up
 */
final class TransientShopifyFailure extends RuntimeException {

    private final boolean ambiguous;
    private final @Nullable Duration waitHint;
    private Duration longestWait = Duration.ofNanos(Long.MAX_VALUE);

    private TransientShopifyFailure(
            String message, boolean ambiguous, @Nullable Duration waitHint, @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.ambiguous = ambiguous;
        this.waitHint = waitHint;
    }

    /** Shopify refused the request before executing it and said how long to wait (Retry-After or throttleStatus). */
    static TransientShopifyFailure refused(String message, @Nullable Duration waitHint) {
        return new TransientShopifyFailure(message, false, waitHint, null);
    }

    /** The request never reached Shopify. */
    static TransientShopifyFailure notSent(String message, Throwable cause) {
        return new TransientShopifyFailure(message, false, null, cause);
    }

    static TransientShopifyFailure ambiguous(String message, @Nullable Duration waitHint, @Nullable Throwable cause) {
        return new TransientShopifyFailure(message, true, waitHint, cause);
    }

    boolean ambiguous() {
        return ambiguous;
    }

    Optional<Duration> waitHint() {
        return Optional.ofNullable(waitHint);
    }

    /**
     * Set by the call that saw the failure, just before Retry decides on the wait: the backoff before the next attempt
     * must leave that attempt time to finish before the call's deadline.
     */
    TransientShopifyFailure limitWait(Duration longest) {
        this.longestWait = longest;
        return this;
    }

    Duration longestWait() {
        return longestWait;
    }
}
