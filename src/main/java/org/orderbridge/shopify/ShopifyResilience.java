package org.orderbridge.shopify;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Per-shop Retry and CircuitBreaker, registered in the (Spring-managed, hence metered) registries under
 * {@code shopify-<shop>}, so one broken shop does not stop the others.
 */
final class ShopifyResilience {

    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryConfig retryConfig;
    private final CircuitBreakerConfig circuitBreakerConfig;
    private final ShopifyProperties.Retry retrySettings;
    private final Duration openStateWait;
    private final ObservationRegistry observations;

    ShopifyResilience(
            ShopifyProperties properties,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            ObservationRegistry observations) {
        this.retries = retries;
        this.observations = observations;
        this.circuitBreakers = circuitBreakers;
        this.retrySettings = properties.retry();
        this.retryConfig = RetryConfig.<Object>custom()
                .maxAttempts(retrySettings.maxAttempts())
                .intervalBiFunction(this::waitBeforeNextAttempt)
                // CallNotPermittedException cannot reach this Retry (the breaker is outside), and must not be retried
                // anyway.
                .retryOnException(TransientShopifyFailure.class::isInstance)
                .build();
        ShopifyProperties.CircuitBreaker breaker = properties.circuitBreaker();
        this.openStateWait = breaker.waitInOpenState();
        this.circuitBreakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // A refusal, the caller's own failure, or a call cut short by its time budget before anything
                // failed, says nothing about Shopify's health, so it neither opens nor closes the circuit.
                .ignoreExceptions(
                        PermanentShopifyFailure.class, ShopifyUnavailableException.class, CallerHookFailure.class)
                .ignoreException(e -> e instanceof CallCutShort cut && !cut.afterFailure())
                .build();
    }

    Retry retryFor(String shop) {
        return retries.retry("shopify-" + shop, retryConfig);
    }

    CircuitBreaker circuitBreakerFor(String shop) {
        return circuitBreakers.circuitBreaker("shopify-" + shop, circuitBreakerConfig);
    }

    Duration openStateWait() {
        return openStateWait;
    }

    /**
     * One call to Shopify under the shop's retry and circuit breaker. Every form of "not now" (circuit open, attempts
     * used up, the call's time budget spent) becomes a {@link ShopifyUnavailableException} carrying the wait to honour,
     * so each caller handles only what is its own: a {@link PermanentShopifyFailure} is left to it, as it means a
     * refusal of the caller's kind.
     *
     * @param what the call, for messages ("Push of order … to …")
     */
    <T> T call(String shop, String what, Supplier<T> attempt) {
        var attempts = new AtomicInteger();
        Supplier<T> counted = () -> {
            int number = attempts.incrementAndGet();
            if (number > 1) {
                event("shopify.retry", "attempt " + number + " of " + retrySettings.maxAttempts());
            }
            return attempt.get();
        };
        try {
            return circuitBreakerFor(shop).executeSupplier(Retry.decorateSupplier(retryFor(shop), counted));
        } catch (CallNotPermittedException e) {
            event("shopify.circuit_open", "circuit open for " + shop);
            throw new ShopifyUnavailableException(
                    "Circuit open for " + shop + "; not calling Shopify", openStateWait, e);
        } catch (TransientShopifyFailure e) {
            throw new ShopifyUnavailableException(
                    what + ": Shopify unavailable for " + shop + " after " + retrySettings.maxAttempts() + " attempts: "
                            + e.getMessage(),
                    e.waitHint().orElse(retrySettings.maxInterval()),
                    e);
        } catch (CallCutShort e) {
            throw new ShopifyUnavailableException(what + " ended early: " + e.getMessage(), e.retryAfter(), e);
        }
    }

    /** On the span of whatever made the call (a push, a listener), beside the spans of its requests. */
    private void event(String name, String description) {
        Observation current = observations.getCurrentObservation();
        if (current != null) {
            current.event(Observation.Event.of(name, description));
        }
    }

    /**
     * Shopify's own word (Retry-After, throttleStatus) wins; otherwise exponential backoff with full jitter, shortened
     * so that the next attempt still fits before the call's deadline. A server-told wait that does not fit never gets
     * here: the call ends instead (see DuplicateSafeShopifyOrders).
     */
    private long waitBeforeNextAttempt(int attempt, Either<Throwable, Object> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof TransientShopifyFailure failure) {
            if (failure.waitHint().isPresent()) {
                // Rounded up: waiting a hair less than Shopify asked just earns another refusal.
                long nanos = failure.waitHint().get().toNanos();
                return Math.max(1, (nanos + 999_999) / 1_000_000);
            }
            long backoff = ThreadLocalRandom.current().nextLong(backoffCap(attempt) + 1);
            return Math.min(backoff, failure.longestWait().toMillis());
        }
        return ThreadLocalRandom.current().nextLong(backoffCap(attempt) + 1);
    }

    long backoffCap(int attempt) {
        long base = retrySettings.baseInterval().toMillis();
        long max = retrySettings.maxInterval().toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        return Math.min(max, base << doublings);
    }
}
