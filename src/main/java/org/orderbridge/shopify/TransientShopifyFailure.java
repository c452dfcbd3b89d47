package org.orderbridge.shopify;

import java.time.Duration;
import java.util.Optional;

/**
 * A request that may succeed if repeated.
 *
 * @param ambiguous whether Shopify may have executed the request although we saw no answer; a create must then be
 *                  preceded by a look-up
 */
final class TransientShopifyFailure extends RuntimeException {

    private final boolean ambiguous;
    private final Duration waitHint;

    private TransientShopifyFailure(String message, boolean ambiguous, Duration waitHint, Throwable cause) {
        super(message, cause, false, false);
        this.ambiguous = ambiguous;
        this.waitHint = waitHint;
    }

    /** Shopify refused the request before executing it and said how long to wait (Retry-After or throttleStatus). */
    static TransientShopifyFailure refused(String message, Duration waitHint) {
        return new TransientShopifyFailure(message, false, waitHint, null);
    }

    /** The request never reached Shopify. */
    static TransientShopifyFailure notSent(String message, Throwable cause) {
        return new TransientShopifyFailure(message, false, null, cause);
    }

    static TransientShopifyFailure ambiguous(String message, Duration waitHint, Throwable cause) {
        return new TransientShopifyFailure(message, true, waitHint, cause);
    }

    boolean ambiguous() {
        return ambiguous;
    }

    Optional<Duration> waitHint() {
        return Optional.ofNullable(waitHint);
    }
}
