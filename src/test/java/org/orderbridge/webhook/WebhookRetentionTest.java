package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.platform.EmbeddedFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Webhook bookkeeping does not grow for ever: old deliveries and orphaned payloads are deleted, by any instance. */
@OrderBridgeTest
class WebhookRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookRetention retention;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EmbeddedFaults faults;

    @Test
    void deletesDeliveriesBeyondTheRetentionAndKeepsTheRest() {
        String shop = shop();
        Instant now = Instant.now();
        insertDeliveries(shop, "old", 5, now.minus(Duration.ofDays(31)));
        insertDeliveries(shop, "kept", 3, now.minus(Duration.ofDays(29)));

        WebhookRetention.Purged purged = retention.purge();

        assertThat(purged.deliveries()).isGreaterThanOrEqualTo(5);
        assertThat(deliveryIds(shop)).hasSize(3).allMatch(id -> id.startsWith("kept"));
    }

    @Test
    void deletesPayloadsNoMessageRefersToAfterAnHourAndQueuedOnesOnlyAfterTheRetention() {
        String shop = shop();
        Instant now = Instant.now();
        UUID orphan = insertPayload(shop, now.minus(Duration.ofHours(2)), null);
        UUID freshOrphan = insertPayload(shop, now.minus(Duration.ofMinutes(10)), null);
        UUID waitingInQueue = insertPayload(shop, now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(5)));
        UUID neverRead = insertPayload(shop, now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(31)));

        retention.purge();

        assertThat(payloadIds(shop)).containsExactlyInAnyOrder(freshOrphan, waitingInQueue);
        assertThat(payloadIds(shop)).doesNotContain(orphan, neverRead);
    }

    @Test
    void aClaimCheckedPayloadSqsRefusedIsLeftUnqueuedAndOneSqsTookIsMarked() throws Exception {
        String refusedShop = "retention-refused.myshopify.com";
        faults.sqs().cut();
        try {
            var refused = WebhookFixtures.deliver(
                    port, "orders/create", refusedShop, UUID.randomUUID().toString(), largeOrder());
            assertThat(refused.statusCode()).isEqualTo(503);
        } finally {
            faults.restoreSqsAndAwaitOrphanedPolls();
        }
        assertThat(jdbc.sql("select count(*) from webhook_payload where shop_domain = ? and queued_at is null")
                        .param(refusedShop)
                        .query(Long.class)
                        .single())
                .isOne();

        // Accepted: the listener reads the payload and deletes it; until then it is marked as queued.
        String acceptedShop = "retention-accepted.myshopify.com";
        assertThat(WebhookFixtures.deliver(
                                port,
                                "orders/create",
                                acceptedShop,
                                UUID.randomUUID().toString(),
                                largeOrder())
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from webhook_payload where shop_domain = ? and queued_at is null")
                        .param(acceptedShop)
                        .query(Long.class)
                        .single())
                .isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from shop_order where shop_domain = ?")
                                .param(acceptedShop)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void severalInstancesPurgingAtOnceShareTheWorkWithoutErrors() throws Exception {
        String shop = shop();
        Instant old = Instant.now().minus(Duration.ofDays(40));
        insertDeliveries(shop, "bulk", 2_000, old);
        for (int i = 0; i < 300; i++) {
            insertPayload(shop, old, null);
        }
        int instances = 4;
        var start = new CountDownLatch(1);
        List<Future<WebhookRetention.Purged>> runs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(instances)) {
            for (int i = 0; i < instances; i++) {
                // Each its own retention, as on its own instance, with small batches so that they meet.
                var instance = new WebhookRetention(
                        jdbc,
                        transactionManager,
                        clock,
                        new WebhookRetentionProperties(
                                true, Duration.ofDays(30), Duration.ofHours(1), Duration.ofHours(1), 50),
                        meters);
                runs.add(pool.submit(() -> {
                    start.await();
                    return instance.purge();
                }));
            }
            start.countDown();
            long deliveries = 0;
            long payloads = 0;
            int busy = 0;
            for (Future<WebhookRetention.Purged> run : runs) {
                WebhookRetention.Purged purged = run.get();
                deliveries += purged.deliveries();
                payloads += purged.orphanedPayloads() + purged.expiredPayloads();
                busy += purged.deliveries() > 0 ? 1 : 0;
            }
            assertThat(deliveries).isGreaterThanOrEqualTo(2_000);
            assertThat(payloads).isGreaterThanOrEqualTo(300);
            assertThat(busy).as("instances that deleted deliveries").isGreaterThan(1);
        }
        assertThat(deliveryIds(shop)).isEmpty();
        assertThat(payloadIds(shop)).isEmpty();
    }

    private static String shop() {
        return "retention-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    }

    private void insertDeliveries(String shop, String prefix, int count, Instant processedAt) {
        jdbc.sql("""
                insert into webhook_delivery (webhook_id, topic, shop_domain, outcome, processed_at)
                select :prefix || '-' || :shop || '-' || n, 'orders/create', :shop, 'CREATED', :at
                  from generate_series(1, :count) n""")
                .param("prefix", prefix)
                .param("shop", shop)
                .param("at", Timestamp.from(processedAt))
                .param("count", count)
                .update();
    }

    private UUID insertPayload(String shop, Instant createdAt, Instant queuedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into webhook_payload (id, shop_domain, body, created_at, queued_at) values (?, ?, ?, ?, ?)")
                .params(
                        id,
                        shop,
                        "{}".getBytes(),
                        Timestamp.from(createdAt),
                        queuedAt == null ? null : Timestamp.from(queuedAt))
                .update();
        return id;
    }

    private List<String> deliveryIds(String shop) {
        return jdbc.sql("select webhook_id from webhook_delivery where shop_domain = ?")
                .param(shop)
                .query(String.class)
                .list();
    }

    private List<UUID> payloadIds(String shop) {
        return jdbc.sql("select id from webhook_payload where shop_domain = ?")
                .param(shop)
                .query(UUID.class)
                .list();
    }

    /** Larger than an SQS message may be, so it travels by claim check. */
    private static String largeOrder() {
        String order = WebhookFixtures.order(WebhookFixtures.newShopifyId(), Instant.now(), "x".repeat(300_000));
        return order;
    }
}
