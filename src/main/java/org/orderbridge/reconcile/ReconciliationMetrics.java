package org.orderbridge.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code orderbridge.reconciliation.orders} counts every order a pass read, per shop and outcome (created, updated,
 * current); drift, the orders whose webhooks were missed, is created plus updated.
 */
@Component
class ReconciliationMetrics {

    static final String ORDERS = "orderbridge.reconciliation.orders";
    static final String PASSES = "orderbridge.reconciliation.passes";

    private final MeterRegistry registry;

    ReconciliationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void order(String shop, ApplyOutcome outcome) {
        registry.counter(ORDERS, "shop", shop, "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .increment();
    }

    /** @param result completed, failed (Shopify unavailable) or stopped (the lease was taken over, or shutdown) */
    void pass(String shop, String result) {
        registry.counter(PASSES, "shop", shop, "result", result).increment();
    }
}
