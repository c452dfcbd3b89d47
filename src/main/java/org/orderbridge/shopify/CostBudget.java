package org.orderbridge.shopify;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Client-side mirror of each shop's leaky bucket, so steady load waits here instead of bouncing off THROTTLED.
 * Every response carrying a throttleStatus resets the mirror to Shopify's numbers, which is what keeps several
 * instances (each with its own mirror) close to the truth.
 */
final class CostBudget {

    private final ShopifyProperties.Budget settings;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<ShopifyOperation, Double> expectedCosts = new ConcurrentHashMap<>();

    CostBudget(ShopifyProperties.Budget settings) {
        this.settings = settings;
    }

    /**
     * Blocks until the shop's bucket can afford the operation, then takes its expected cost out of it.
     *
     * @throws CallCutShort at once, without waiting, when the bucket (or a {@code Retry-After} holding the shop) would
     *     keep the request waiting longer than {@code maxWait}
     */
    Reservation reserve(String shop, ShopifyOperation operation, Duration maxWait) {
        double cost = expectedCosts.getOrDefault(operation, (double) settings.initialCostEstimate());
        Bucket bucket = buckets.computeIfAbsent(
                shop,
                s -> new Bucket(
                        settings.bucketSize() * settings.instanceShare(),
                        settings.restoreRate() * settings.instanceShare()));
        long sequence = bucket.take(cost, settings.safetyMargin(), saturatedNanos(maxWait), shop);
        return new Reservation(bucket, operation, cost, sequence);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    final class Reservation {
        private final Bucket bucket;
        private final ShopifyOperation operation;
        private final double cost;
        private final long sequence;

        private Reservation(Bucket bucket, ShopifyOperation operation, double cost, long sequence) {
            this.bucket = bucket;
            this.operation = operation;
            this.cost = cost;
            this.sequence = sequence;
        }

        void settle(QueryCost actual) {
            expectedCosts.put(operation, actual.requestedQueryCost());
            bucket.resync(cost, sequence, actual.throttleStatus(), settings.instanceShare());
        }

        /**
         * Shopify asked (Retry-After) that the shop not be called for this long: it holds every thread's next
         * request, not just the retry of the refused one.
         */
        void holdOff(Duration wait) {
            bucket.holdOff(System.nanoTime() + wait.toNanos());
        }

        /** No throttleStatus came back; what was taken stays taken, as Shopify may have charged it. */
        void settleUnknown() {
            bucket.finish(cost);
        }
    }

    private static final class Bucket {
        private double capacity;
        private double restoreRate;
        private double available;
        private double inFlight;
        private long refilledAt = System.nanoTime();
        private long reservations;
        private long newestSynced = -1;
        private long heldUntil = System.nanoTime();

        Bucket(double capacity, double restoreRate) {
            this.capacity = capacity;
            this.restoreRate = restoreRate;
            this.available = capacity;
        }

        /** Returns the reservation's sequence number, which orders the snapshots coming back. */
        long take(double cost, double margin, long maxWaitNanos, String shop) {
            long started = System.nanoTime();
            while (true) {
                long waitNanos;
                synchronized (this) {
                    waitNanos = heldUntil - System.nanoTime();
                    if (waitNanos <= 0) {
                        refill();
                        // A cost above the whole bucket must still be attempted once the bucket is full.
                        double needed = Math.min(cost + margin, capacity);
                        if (available >= needed) {
                            available -= cost;
                            inFlight += cost;
                            return reservations++;
                        }
                        double seconds = (needed - available) / restoreRate;
                        waitNanos = seconds >= Long.MAX_VALUE / 1e9 ? Long.MAX_VALUE : (long) Math.ceil(seconds * 1e9);
                    }
                }
                // Decided before sleeping: a worker must not doze through its deadline only to find it passed.
                long waited = System.nanoTime() - started;
                if (waitNanos > maxWaitNanos - waited) {
                    throw new CallCutShort(
                            "Shopify's budget for " + shop + " allows the next request in "
                                    + Duration.ofNanos(waitNanos).toMillis() + " ms, beyond the longest wait allowed",
                            Duration.ofNanos(waitNanos));
                }
                sleep(waitNanos);
            }
        }

        synchronized void holdOff(long untilNanos) {
            if (untilNanos - heldUntil > 0) {
                heldUntil = untilNanos;
            }
        }

        synchronized void resync(double reserved, long sequence, QueryCost.ThrottleStatus status, double share) {
            inFlight = Math.max(0, inFlight - reserved);
            capacity = status.maximumAvailable() * share;
            restoreRate = status.restoreRate() * share;
            refill();
            // Requests still in flight are not yet in Shopify's number (or already are); assuming "not yet" is the safe
            // side.
            double reported = Math.min(capacity, status.currentlyAvailable()) - inFlight;
            if (sequence > newestSynced) {
                newestSynced = sequence;
                available = reported;
            } else {
                // An answer overtaken by a later request's answer predates that request's charge: it may only lower.
                available = Math.min(available, reported);
            }
        }

        synchronized void finish(double reserved) {
            inFlight = Math.max(0, inFlight - reserved);
        }

        private void refill() {
            long now = System.nanoTime();
            available = Math.min(capacity, available + (now - refilledAt) / 1e9 * restoreRate);
            refilledAt = now;
        }

        private static void sleep(long nanos) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShopifyUnavailableException("Interrupted while waiting for Shopify query budget", null, e);
            }
        }
    }
}
