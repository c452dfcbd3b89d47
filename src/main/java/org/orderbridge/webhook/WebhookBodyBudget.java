package org.orderbridge.webhook;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Bounds the bytes that webhook bodies hold in memory before their signature is known, so that unsigned floods
 * cannot exhaust the heap. Small bodies (most real webhooks) have a share of their own, so a flood of large
 * bodies cannot starve them. A request that finds no room is answered 503 with {@code Retry-After}, which
 * Shopify retries.
 */
@Component
class WebhookBodyBudget {

    private final Semaphore small;
    private final Semaphore large;
    private final int smallBodyLimit;
    private final long wait;

    WebhookBodyBudget(WebhookProperties properties) {
        var budget = properties.inFlightBodies();
        this.small = new Semaphore(Math.toIntExact(budget.smallBodies().toBytes()));
        this.large = new Semaphore(Math.toIntExact(budget.largeBodies().toBytes()));
        this.smallBodyLimit = Math.toIntExact(budget.smallBodyLimit().toBytes());
        this.wait = budget.maxWait().toNanos();
    }

    /**
     * @param bytes the most the body can hold: its Content-Length, or the body limit when none was sent
     * @return the reservation to close once the body is no longer needed
     * @throws WebhookRejection 503 when the budget stays exhausted for the configured wait
     */
    Reservation reserve(int bytes) throws InterruptedException {
        Semaphore pool = bytes <= smallBodyLimit ? small : large;
        int permits = Math.max(1, bytes);
        if (!pool.tryAcquire(permits, wait, TimeUnit.NANOSECONDS)) {
            throw WebhookRejection.busy();
        }
        return () -> pool.release(permits);
    }

    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
