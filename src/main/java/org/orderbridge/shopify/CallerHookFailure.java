package org.orderbridge.shopify;

import java.util.Objects;

/** Carries what the caller's {@link CreateOrderOptions#beforeCreate()} threw past Retry and CircuitBreaker, unchanged. */
final class CallerHookFailure extends RuntimeException {

    CallerHookFailure(RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    RuntimeException hookException() {
        // The constructor sets the cause, and nothing else can.
        return (RuntimeException) Objects.requireNonNull(getCause());
    }
}
