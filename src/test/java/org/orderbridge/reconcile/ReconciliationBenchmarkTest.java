package org.orderbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderbridge.reconcile.ReconcileFixtures.properties;
import static org.orderbridge.reconcile.ReconcileFixtures.simulatorInput;
import static org.orderbridge.reconcile.ReconcileFixtures.stored;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.WebhookFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/reconcile.sh: orders reconciled per second against what the shop's bucket allows, and the points one order
 * costs, for a standard shop (1,000 points, 100/s) and a Plus shop (10,000 points, 1,000/s), with the simulator
 * answering after 50 ms. Every webhook is lost, so the first pass creates every order (the most a pass writes); the
 * second finds all current (what a pass costs on a healthy shop). Runs only when asked for.
 */
@OrderBridgeTest
@EnabledIfSystemProperty(named = "orderbridge.bench.reconcile.orders", matches = "\\d+")
class ReconciliationBenchmarkTest {

    @Autowired
    ShopifySimulator shopify;

    @Autowired
    ReconcileFixtures.Passes passes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reconcilesAsFastAsTheShopsBucketAllows() {
        int count = Integer.getInteger("orderbridge.bench.reconcile.orders");
        shopify.setLatency(Duration.ofMillis(50));
        try {
            var report = new StringBuilder("\n== reconciliation benchmark: " + count + " orders, 50 ms latency\n")
                    .append("| Shop | Pass | Orders | Seconds | Orders/s | Points charged | Points/order |"
                            + " Bucket allows (orders/s) | Share |\n");
            measure("recon-bench-standard.myshopify.com", "standard (100/s)", 1_000, 100, count, report);
            measure("recon-bench-plus.myshopify.com", "Plus (1,000/s)", 10_000, 1_000, count, report);
            System.out.println(report);
        } finally {
            shopify.setLatency(Duration.ZERO);
            shopify.webhookFaults().clear();
        }
    }

    private void measure(String shop, String plan, double bucket, double rate, int count, StringBuilder report) {
        shopify.setCostLimits(shop, bucket, rate);
        shopify.webhookFaults().set(shop, new WebhookFaults.Settings(1.0, 0, false));
        for (int i = 0; i < count; i++) {
            shopify.orderActivity().create(shop, simulatorInput(i, 1 + i % 3));
        }
        for (String pass : new String[] {"first (all missed)", "second (all current)"}) {
            // A full bucket at the start of each pass, as after a quiet interval.
            shopify.setCostLimits(shop, bucket, rate);
            long pointsBefore = points();
            long started = System.nanoTime();
            passes.requestNow(shop);
            ReconciliationPass.Result result = passes.runner("bench", properties(Duration.ofMinutes(3)))
                    .runDue(Set.of(shop), () -> true)
                    .getFirst();
            double seconds = (System.nanoTime() - started) / 1e9;
            long points = points() - pointsBefore;
            double perOrder = (double) points / count;
            // Best case: the full bucket first, then the restore rate.
            double allowedSeconds = Math.max(0, points - bucket) / rate;
            report.append("| %s | %s | %d | %.1f | %.1f | %d | %.1f | %.1f | %s |\n"
                    .formatted(
                            plan,
                            pass,
                            result.seen(),
                            seconds,
                            result.seen() / seconds,
                            points,
                            perOrder,
                            rate / perOrder,
                            allowedSeconds == 0 ? "–" : "%.0f %%".formatted(100 * allowedSeconds / seconds)));
            assertThat(result.seen()).isEqualTo(count);
        }
        assertThat(stored(jdbc, shop)).hasSize(count);
    }

    private long points() {
        return ((Number) shopify.stats().get("pointsCharged")).longValue();
    }
}
