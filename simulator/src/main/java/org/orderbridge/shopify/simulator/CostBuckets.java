package org.orderbridge.shopify.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shopify's calculated-query-cost leaky bucket, one per shop. */
final class CostBuckets {

    /** Charged or refused; {@code throttleStatus} is the bucket after the decision, shaped like Shopify's. */
    record Decision(
            boolean charged, int requested, int actual, Map<String, Object> throttleStatus, double secondsToAfford) {

        Map<String, Object> costExtension() {
            var cost = new LinkedHashMap<String, Object>();
            cost.put("requestedQueryCost", requested);
            cost.put("actualQueryCost", charged ? actual : null);
            cost.put("throttleStatus", throttleStatus);
            return cost;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile double capacity;
    private volatile double restoreRate;

    CostBuckets(double capacity, double restoreRate) {
        this.capacity = capacity;
        this.restoreRate = restoreRate;
    }

    void reconfigure(double capacity, double restoreRate) {
        this.capacity = capacity;
        this.restoreRate = restoreRate;
        buckets.clear();
    }

    /** One shop's own plan (e.g. Shopify Plus: 10,000 points, 1,000 per second); its bucket starts full. */
    void configure(String shop, double capacity, double restoreRate) {
        buckets.put(shop, new Bucket(capacity, restoreRate));
    }

    Decision charge(String shop, int cost) {
        return bucket(shop).charge(cost);
    }

    /** Gives back what a request was charged beyond its actual cost, as Shopify does once it has answered. */
    Decision refund(String shop, Decision charged, int actual) {
        return bucket(shop).refund(charged, actual);
    }

    void setAvailable(String shop, double available) {
        bucket(shop).setAvailable(available);
    }

    private Bucket bucket(String shop) {
        return buckets.computeIfAbsent(shop, s -> new Bucket(capacity, restoreRate));
    }

    private static final class Bucket {
        private final double capacity;
        private final double restoreRate;
        private double available;
        private long updatedAt = System.nanoTime();

        Bucket(double capacity, double restoreRate) {
            this.capacity = capacity;
            this.restoreRate = restoreRate;
            this.available = capacity;
        }

        synchronized Decision charge(int cost) {
            restore();
            boolean affordable = available >= cost;
            if (affordable) {
                available -= cost;
            }
            double wait = affordable ? 0 : (cost - available) / restoreRate;
            return new Decision(affordable, cost, cost, status(), wait);
        }

        private Map<String, Object> status() {
            return Map.of(
                    "maximumAvailable", capacity,
                    // Shopify reports whole points available, fractional capacity and rate.
                    "currentlyAvailable", (long) Math.floor(available),
                    "restoreRate", restoreRate);
        }

        synchronized Decision refund(Decision charged, int actual) {
            restore();
            available = Math.min(capacity, available + Math.max(0, charged.requested() - actual));
            return new Decision(true, charged.requested(), actual, status(), 0);
        }

        synchronized void setAvailable(double value) {
            restore();
            available = Math.min(capacity, value);
        }

        private void restore() {
            long now = System.nanoTime();
            available = Math.min(capacity, available + (now - updatedAt) / 1e9 * restoreRate);
            updatedAt = now;
        }
    }
}
