package org.orderbridge.shopify.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shopify's calculated-query-cost leaky bucket, one per shop. */
final class CostBuckets {

    /** Charged or refused; {@code throttleStatus} is the bucket after the decision, shaped like Shopify's. */
    record Decision(boolean charged, int requested, Map<String, Object> throttleStatus, double secondsToAfford) {

        Map<String, Object> costExtension() {
            var cost = new LinkedHashMap<String, Object>();
            cost.put("requestedQueryCost", requested);
            cost.put("actualQueryCost", charged ? requested : null);
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

    Decision charge(String shop, int cost) {
        return bucket(shop).charge(cost);
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
            return new Decision(
                    affordable,
                    cost,
                    Map.of(
                            "maximumAvailable", capacity,
                            // Shopify reports whole points available, fractional capacity and rate.
                            "currentlyAvailable", (long) Math.floor(available),
                            "restoreRate", restoreRate),
                    wait);
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
