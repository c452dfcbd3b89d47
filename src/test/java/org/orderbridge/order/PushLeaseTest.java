package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-order push lease in PostgreSQL: one holder at a time, expiry, fencing, and the create-attempted mark. */
@OrderBridgeTest
class PushLeaseTest {

    private static final Duration LONG = Duration.ofMinutes(2);

    @Autowired
    Orders orders;

    @Autowired
    OrderRepository repository;

    @Test
    void onlyOneOfManyConcurrentWorkersGetsTheLease() throws Exception {
        OrderId id = pendingOrder();
        int workers = 12;
        var start = new CountDownLatch(1);
        List<Future<Optional<PushLease>>> attempts = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(workers)) {
            for (int i = 0; i < workers; i++) {
                String owner = "worker-" + i;
                attempts.add(pool.submit(() -> {
                    start.await();
                    return orders.leasePush(id, owner, LONG);
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Optional<PushLease>> attempt : attempts) {
                granted += attempt.get().isPresent() ? 1 : 0;
            }
            assertThat(granted).isOne();
        }
    }

    @Test
    void aHeldLeaseTurnsOthersAwayUntilItsHolderReleasesIt() {
        OrderId id = pendingOrder();
        PushLease first = orders.leasePush(id, "first", LONG).orElseThrow();

        assertThat(orders.leasePush(id, "second", LONG)).isEmpty();
        assertThat(orders.pushLeaseRemaining(id)).isGreaterThan(Duration.ofSeconds(100));

        orders.releasePushLease(first);
        assertThat(orders.pushLeaseRemaining(id)).isZero();
        assertThat(orders.leasePush(id, "second", LONG)).isPresent();
    }

    @Test
    void aCrashedHoldersLeaseExpiresAndTheNextHolderLearnsThatACreateMayHaveLeft() {
        OrderId id = pendingOrder();
        PushLease crashed =
                orders.leasePush(id, "crashed", Duration.ofMillis(300)).orElseThrow();
        assertThat(crashed.createAttempted()).isFalse();
        assertThat(orders.recordCreateAttempt(crashed)).isTrue();
        // No release: the process died with the create on the wire.

        PushLease next = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> orders.leasePush(id, "next", LONG), Optional::isPresent)
                .orElseThrow();

        assertThat(next.createAttempted()).isTrue();
    }

    @Test
    void aHolderThatOutlivedItsLeaseMaySendNoCreateNorReleaseTheNewHolder() {
        OrderId id = pendingOrder();
        PushLease paused =
                orders.leasePush(id, "paused", Duration.ofMillis(200)).orElseThrow();
        PushLease successor = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> orders.leasePush(id, "successor", LONG), Optional::isPresent)
                .orElseThrow();

        assertThat(orders.recordCreateAttempt(paused)).isFalse();
        orders.releasePushLease(paused);

        assertThat(orders.leasePush(id, "third", LONG)).isEmpty();
        assertThat(orders.recordCreateAttempt(successor)).isTrue();
    }

    @Test
    void noLeaseOnAnOrderThatIsNotPendingAndNoCreateOnceItWasSettled() {
        OrderId cancelled = pendingOrder();
        orders.withdraw(cancelled);
        assertThat(orders.leasePush(cancelled, "worker", LONG)).isEmpty();

        OrderId linked = pendingOrder();
        PushLease lease = orders.leasePush(linked, "worker", LONG).orElseThrow();
        // Shopify's webhook linked the order while the worker held the lease.
        orders.markPushed(linked, "gid://shopify/Order/1", 1L, "#1001", null);
        assertThat(orders.recordCreateAttempt(lease)).isFalse();
    }

    /** Stored without a push request, so that no worker of the running application takes it. */
    private OrderId pendingOrder() {
        Order order = Order.accept(
                OrderId.newId(),
                "lease-test.myshopify.com",
                "lease-" + UUID.randomUUID(),
                new Customer("lease@example.com", "Ada", "Lovelace", null),
                null,
                null,
                List.of(new LineItem(null, "SKU-1", null, "Thing", 1, java.math.BigDecimal.ONE)),
                "EUR",
                null,
                List.of(),
                "hash",
                Instant.now());
        repository.saveAndFlush(order);
        return order.id();
    }
}
