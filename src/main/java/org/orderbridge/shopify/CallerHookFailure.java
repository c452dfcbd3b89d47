package org.orderbridge.shopify;

/** Carries what the caller's {@link CreateOrderOptions#beforeCreate()} threw past Retry and CircuitBreaker, unchanged. */
final class CallerHookFailure extends RuntimeException {

    CallerHookFailure(RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    RuntimeException hookException() {
        return (RuntimeException) getCause();
    }
}
