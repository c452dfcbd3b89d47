package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderbridge.shopify.ShopifyFixtures.SHOP;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.ShopifySimulator;

@Tag("unit")
class CostBudgetTest {

    private static final int WORKERS = 3;
    private static final int ORDERS_PER_WORKER = 8;

    private final ShopifySimulator simulator = ShopifyFixtures.simulator();

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void keepsASteadyStreamOfCreatesUnderTheBucketWithoutThrottling() throws Exception {
        // A tiny, quickly refilling bucket: 24 creates cost 240 points, four times what it holds. The margin covers
        // the three workers' creates in flight (30 points) less what refills meanwhile, as the production margin
        // (50 of 1,000) does for its concurrency; with 5 a slow scheduler on a loaded machine let one through.
        simulator.setCostLimits(60, 60);
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(
                simulator,
                ShopifyFixtures.TOKEN,
                Duration.ofSeconds(2),
                ShopifyFixtures.FAST_RETRY,
                ShopifyFixtures.LENIENT_BREAKER,
                new ShopifyProperties.Budget(60, 60, 25, 1.0, 10)));
        Callable<List<PushOutcome>> worker = () -> IntStream.range(0, ORDERS_PER_WORKER)
                .mapToObj(i -> orders.createOrder(ShopifyFixtures.draft()))
                .toList();

        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(WORKERS)) {
            List<Future<List<PushOutcome>>> results = pool.invokeAll(List.of(worker, worker, worker));
            for (Future<List<PushOutcome>> result : results) {
                assertThat(result.get()).allMatch(PushOutcome.Created.class::isInstance);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(simulator.store().orders(SHOP)).hasSize(WORKERS * ORDERS_PER_WORKER);
        assertThat(simulator.requests()).extracting(RecordedRequest::outcome).doesNotContain(Outcome.THROTTLED);
        // The budget, not luck, kept Shopify quiet: the stream was paced to the restore rate.
        assertThat(elapsed).isGreaterThan(Duration.ofMillis(2_000));
    }
}
