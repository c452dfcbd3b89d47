package org.orderbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.reconcile.ReconcileFixtures.properties;
import static org.orderbridge.reconcile.ReconcileFixtures.showsRevision;
import static org.orderbridge.reconcile.ReconcileFixtures.simulatorInput;
import static org.orderbridge.reconcile.ReconcileFixtures.stored;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.shopify.ShopifyOrderFeed;
import org.orderbridge.shopify.simulator.OrderRevisions;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.orderbridge.shopify.simulator.WebhookFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Passes over shops whose webhooks were lost, doubled and reordered, passes racing webhooks and each other, and a pass
 * whose instance died, all on the embedded services with the simulator as Shopify.
 */
@OrderBridgeTest
class ReconciliationTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    /** Webhook, queue and listener on a busy machine: the first delivery after start-up can take seconds. */
    private static final Duration WEBHOOK_LATENCY = Duration.ofMinutes(1);

    @Autowired
    ShopifySimulator shopify;

    @Autowired
    ReconcileFixtures.Passes passes;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    // Several pages of the pass, and enough orders that every kind of lost, shuffled and doubled webhook occurs.
    private static final int DRIFTED_ORDERS = 150;

    @AfterEach
    void calm() {
        shopify.webhookFaults().clear();
    }

    @Test
    void onePassStoresEveryOrderWithItsNewestDataAfterLostShuffledAndDoubledWebhooksAndTheNextChangesNothing() {
        String shop = "recon-drift.myshopify.com";
        // A Plus shop's bucket, so that the orders take seconds; the pacing itself is measured in bench/reconcile.sh.
        shopify.setCostLimits(shop, 10_000, 1_000);
        shopify.webhookFaults().seed(42).set(shop, new WebhookFaults.Settings(0.3, 0.3, true));
        var made = new ArrayList<SimulatedOrder>();
        for (int i = 0; i < DRIFTED_ORDERS; i++) {
            SimulatedOrder order = shopify.orderActivity().create(shop, simulatorInput(i, 1 + i % 3));
            made.add(order);
            if (i % 3 == 0) {
                shopify.orderActivity().update(order, "changed " + i, List.of("batch", "changed"), "paid");
            }
            if (i % 9 == 0) {
                shopify.orderActivity().update(order, "changed twice " + i, List.of("twice"), "refunded");
            }
        }
        Map<Long, Instant> delivered = newestDelivered(shop);
        shopify.releaseWebhooks(shop);
        awaitWebhooksApplied(shop, delivered);
        int expectCreated = (int)
                made.stream().filter(o -> !delivered.containsKey(o.legacyId())).count();
        int expectUpdated = (int) made.stream()
                .filter(o -> delivered.containsKey(o.legacyId()))
                .filter(o -> !delivered
                        .get(o.legacyId())
                        .equals(current(o).updatedAt().toInstant()))
                .count();
        assertThat(expectCreated).as("orders whose every webhook was lost").isPositive();
        assertThat(expectUpdated).as("orders whose newest webhook was lost").isPositive();

        ReconciliationPass.Result first = onePass(shop, "instance-a");

        assertThat(first.status()).isEqualTo(ReconciliationPass.Status.COMPLETED);
        assertThat(first.created()).isEqualTo(expectCreated);
        assertThat(first.updated()).isEqualTo(expectUpdated);
        assertThat(first.current()).isEqualTo(DRIFTED_ORDERS - expectCreated - expectUpdated);
        Map<Long, ReconcileFixtures.Stored> afterFirst = stored(jdbc, shop);
        assertThat(made)
                .allSatisfy(order -> assertThat(showsRevision(afterFirst.get(order.legacyId()), current(order)))
                        .as("order %s shows its newest revision", order.name())
                        .isTrue());
        assertThat(counted(shop, "created")).isEqualTo(expectCreated);
        assertThat(counted(shop, "updated")).isEqualTo(expectUpdated);

        ReconciliationPass.Result second = onePass(shop, "instance-b");

        assertThat(second.drift()).isZero();
        assertThat(second.current()).isEqualTo(DRIFTED_ORDERS);
        assertThat(stored(jdbc, shop)).isEqualTo(afterFirst);
    }

    @Test
    void aWebhookNewerThanThePassesSnapshotSurvivesThePass() {
        String shop = "recon-race.myshopify.com";
        SimulatedOrder order = shopify.orderActivity().create(shop, simulatorInput(1, 2));
        await().atMost(WEBHOOK_LATENCY)
                .until(() -> showsRevision(stored(jdbc, shop).get(order.legacyId()), current(order)));
        // The pass reads the order, then (before it applies what it read) the order changes and its webhook lands.
        ShopifyOrderFeed racing = new DelegatingFeed(passes.feed()) {
            @Override
            public OrderPage ordersUpdatedBetween(
                    String s, Instant since, @Nullable Instant until, @Nullable String after, int first) {
                OrderPage page = super.ordersUpdatedBetween(s, since, until, after, first);
                OrderRevisions.Revision newer =
                        shopify.orderActivity().update(order, "changed during the pass", List.of("late"), "paid");
                await().atMost(WEBHOOK_LATENCY)
                        .until(() -> showsRevision(stored(jdbc, shop).get(order.legacyId()), newer));
                return page;
            }
        };
        ReconciliationRunner runner = passes.runner("instance-a", racing, properties(LEASE));
        passes.requestNow(shop);

        List<ReconciliationPass.Result> results = runner.runDue(Set.of(shop), () -> true);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.current()).isEqualTo(1);
            assertThat(result.drift()).isZero();
        });
        ReconcileFixtures.Stored stored = stored(jdbc, shop).get(order.legacyId());
        assertThat(stored.note()).isEqualTo("changed during the pass");
        assertThat(showsRevision(stored, current(order))).isTrue();
    }

    @Test
    void instancesPassingTheSameShopAtOnceDoTheWorkOnce() throws Exception {
        String shop = "recon-twice.myshopify.com";
        shopify.webhookFaults().set(shop, new WebhookFaults.Settings(1.0, 0, false));
        for (int i = 0; i < 25; i++) {
            shopify.orderActivity().create(shop, simulatorInput(i, 1));
        }
        int instances = 4;
        var barrier = new CyclicBarrier(instances);
        var othersDone = new CountDownLatch(instances - 1);
        var pagesRead = new AtomicInteger();
        passes.requestNow(shop);
        List<ReconciliationPass.Result> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            var runs = new ArrayList<Future<List<ReconciliationPass.Result>>>();
            for (int i = 0; i < instances; i++) {
                // Whoever wins the shop holds its first page until every other instance has tried and given up.
                ShopifyOrderFeed slow = new DelegatingFeed(passes.feed()) {
                    @Override
                    public OrderPage ordersUpdatedBetween(
                            String s, Instant since, @Nullable Instant until, @Nullable String after, int first) {
                        awaitQuietly(othersDone);
                        pagesRead.incrementAndGet();
                        return super.ordersUpdatedBetween(s, since, until, after, first);
                    }
                };
                ReconciliationRunner runner = passes.runner("instance-" + i, slow, properties(LEASE));
                runs.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    List<ReconciliationPass.Result> results = runner.runDue(Set.of(shop), () -> true);
                    if (results.isEmpty()) {
                        othersDone.countDown();
                    }
                    return results;
                }));
            }
            for (var run : runs) {
                all.addAll(run.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(all)
                .singleElement()
                .satisfies(result -> assertThat(result.created()).isEqualTo(25));
        assertThat(pagesRead).hasValue(3);
        assertThat(shopify.requests())
                .filteredOn(r -> shop.equals(r.shop()) && r.isFor("orders"))
                .hasSize(3);
        assertThat(stored(jdbc, shop)).hasSize(25);
        // Done once means also: not due again on any instance until the interval has passed.
        ReconciliationRunner late = passes.runner("instance-late", properties(LEASE));
        assertThat(late.runDue(Set.of(shop), () -> true)).isEmpty();
    }

    @Test
    void aPassWhoseInstanceDiedIsTakenOverFromWhereItGotOnceItsLeaseRanOut() {
        String shop = "recon-crash.myshopify.com";
        shopify.webhookFaults().set(shop, new WebhookFaults.Settings(1.0, 0, false));
        for (int i = 0; i < 30; i++) {
            shopify.orderActivity().create(shop, simulatorInput(i, 1));
        }
        ShopifyOrderFeed diesOnSecondPage = new DelegatingFeed(passes.feed()) {
            private int pages;

            @Override
            public OrderPage ordersUpdatedBetween(
                    String s, Instant since, @Nullable Instant until, @Nullable String after, int first) {
                if (++pages == 2) {
                    throw new InstanceDied();
                }
                return super.ordersUpdatedBetween(s, since, until, after, first);
            }
        };
        Duration shortLease = Duration.ofSeconds(2);
        ReconciliationRunner dying = passes.runner("instance-dies", diesOnSecondPage, properties(shortLease));
        ReconciliationRunner survivor = passes.runner("instance-survives", properties(shortLease));
        passes.requestNow(shop);

        try {
            dying.runDue(Set.of(shop), () -> true);
        } catch (InstanceDied expected) {
            // Nothing in the dead instance ran after this: its lease is still on the row.
        }
        assertThat(stored(jdbc, shop)).hasSize(10);
        assertThat(survivor.runDue(Set.of(shop), () -> true))
                .as("the lease is still held")
                .isEmpty();

        var taken = new ArrayList<ReconciliationPass.Result>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            taken.addAll(survivor.runDue(Set.of(shop), () -> true));
            return !taken.isEmpty();
        });

        assertThat(taken).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(ReconciliationPass.Status.COMPLETED);
            assertThat(result.created()).isEqualTo(20);
            assertThat(result.current())
                    .as("the overlap re-reads what the dead pass applied")
                    .isEqualTo(10);
        });
        assertThat(stored(jdbc, shop)).hasSize(30);
    }

    @Test
    void anOrderWithMoreLinesThanAPageShowsIsReadAgainWithAllItsLines() {
        String shop = "recon-lines.myshopify.com";
        shopify.webhookFaults().set(shop, new WebhookFaults.Settings(1.0, 0, false));
        SimulatedOrder order = shopify.orderActivity().create(shop, simulatorInput(1, 23));

        ReconciliationPass.Result result = onePass(shop, "instance-a");

        assertThat(result.created()).isEqualTo(1);
        assertThat(stored(jdbc, shop).get(order.legacyId()).lines()).isEqualTo(23);
        assertThat(shopify.requests())
                .filteredOn(r -> shop.equals(r.shop()) && r.isFor("order"))
                .hasSize(1);
    }

    @Test
    void reconcileNowRunsAPassOfTheShopAtOnce() {
        String shop = "recon-now.myshopify.com";
        shopify.webhookFaults().set(shop, new WebhookFaults.Settings(1.0, 0, false));
        for (int i = 0; i < 5; i++) {
            shopify.orderActivity().create(shop, simulatorInput(i, 1));
        }
        ReconciliationProperties properties = properties(LEASE);
        var reconciliation = passes.reconciliation(properties);
        reconciliation.start();
        try {
            reconciliation.reconcileNow("RECON-NOW.myshopify.com");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stored(jdbc, shop).size() == 5);
        } finally {
            reconciliation.stop();
        }
        assertThat(counted(shop, "created")).isEqualTo(5);
    }

    @Test
    void repairedWebhookSubscriptionsStartAPassOfTheShop() {
        String shop = "recon-repaired.myshopify.com";
        shopify.webhookFaults().set(shop, new WebhookFaults.Settings(1.0, 0, false));
        for (int i = 0; i < 3; i++) {
            shopify.orderActivity().create(shop, simulatorInput(i, 1));
        }
        ReconciliationProperties properties = properties(LEASE);
        var reconciliation = passes.reconciliation(properties);
        try (var events = new org.springframework.context.annotation.AnnotationConfigApplicationContext()) {
            events.registerBean(Reconciliation.class, () -> reconciliation);
            events.refresh();

            events.publishEvent(new org.orderbridge.subscription.SubscriptionsRepaired(shop, 1));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stored(jdbc, shop).size() == 3);
        }
        assertThat(counted(shop, "created")).isEqualTo(3);
    }

    private ReconciliationPass.Result onePass(String shop, String owner) {
        passes.requestNow(shop);
        return passes.runner(owner, properties(LEASE))
                .runDue(Set.of(shop), () -> true)
                .getFirst();
    }

    private OrderRevisions.Revision current(SimulatedOrder order) {
        return shopify.orderActivity().current(order);
    }

    /** Per order, the update time of the newest change whose webhook was not lost. */
    private Map<Long, Instant> newestDelivered(String shop) {
        Set<String> lost = shopify.webhookFaults().dropped(shop).stream()
                .map(WebhookFaults.Delivery::webhookId)
                .collect(java.util.stream.Collectors.toSet());
        var delivered = new HashMap<Long, Instant>();
        for (WebhookFaults.Delivery delivery : shopify.webhookFaults().departed(shop)) {
            if (!lost.contains(delivery.webhookId())) {
                delivered.merge(
                        ((Number) delivery.payload().get("id")).longValue(),
                        Instant.parse((String) delivery.payload().get("updated_at")),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return delivered;
    }

    private void awaitWebhooksApplied(String shop, Map<Long, Instant> delivered) {
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            Map<Long, ReconcileFixtures.Stored> stored = stored(jdbc, shop);
            return stored.size() == delivered.size()
                    && delivered.entrySet().stream()
                            .allMatch(e -> stored.containsKey(e.getKey())
                                    && stored.get(e.getKey()).shopifyUpdatedAt().equals(e.getValue()));
        });
    }

    private double counted(String shop, String outcome) {
        var counter = registry.find(ReconciliationMetrics.ORDERS)
                .tags("shop", shop, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other instances never gave up");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stands for the instance's end: an Error, which no pass catches, so that the lease stays where it was. */
    private static final class InstanceDied extends Error {}

    private static class DelegatingFeed implements ShopifyOrderFeed {
        private final ShopifyOrderFeed delegate;

        DelegatingFeed(ShopifyOrderFeed delegate) {
            this.delegate = delegate;
        }

        @Override
        public OrderPage ordersUpdatedBetween(
                String shop, Instant since, @Nullable Instant until, @Nullable String after, int first) {
            return delegate.ordersUpdatedBetween(shop, since, until, after, first);
        }

        @Override
        public Set<String> shops() {
            return delegate.shops();
        }

        @Override
        public java.util.Optional<JsonNode> order(String shop, String orderGid) {
            return delegate.order(shop, orderGid);
        }
    }
}
