package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;

/**
 * The reliability suite's world: real PostgreSQL servers ({@link PostgresServers}, a primary, optionally with a
 * synchronous streaming standby), ElasticMQ behind a cuttable proxy ({@link SqsServer}) and the Shopify simulator
 * in the test JVM, and OrderBridge as a separate JVM that can be killed ({@link ServiceProcess}, watched by a
 * {@link ReadinessProbe}); {@link Traffic} that records every answer, and the checks of what got stored
 * ({@link Stored}). This class holds what every scenario shares: names, the simulator, figures, the end state.
 */
final class ReliabilityFixtures {

    static final String WEBHOOK_SECRET = "local-webhook-secret";
    static final String WEBHOOK_SHOP = "alpha.myshopify.com";
    static final String PUSH_SHOP = PushFixtures.SHOP;
    static final String SHOPIFY_TOKEN = "shpat_reliability";
    static final Path WORK = Path.of("target", "reliability").toAbsolutePath();
    /** Webhook queue visibility of the tests: a message taken by a cut long poll or a killed JVM returns soon. */
    static final int WEBHOOK_VISIBILITY_SECONDS = 5;

    /**
     * Push queue visibility of the tests, and the service's push lease with it; the push deadline is what this leaves
     * after the service's 10 s margin, room for two Shopify requests of at most 4 s (connect 1 s, read 3 s).
     */
    static final int PUSH_VISIBILITY_SECONDS = 20;

    private ReliabilityFixtures() {}

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShopifySimulator shopify() {
        // Latency keeps pushes in flight long enough for a crash to hit some of them.
        return ShopifySimulator.builder()
                .port(0)
                .shop(PUSH_SHOP, SHOPIFY_TOKEN)
                .costLimits(2000, 1000)
                .latency(Duration.ofMillis(300))
                .start();
    }

    /** Appends a scenario's figures to target/reliability/measurements.txt and prints them. */
    static void record(String scenario, Map<String, Object> figures) {
        String line = Instant.now() + " " + scenario + " " + figures;
        System.out.println("[reliability] " + line);
        try {
            Files.createDirectories(WORK);
            Files.writeString(
                    WORK.resolve("measurements.txt"),
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the figures of a scenario that reached the end state ({@link #assertNothingLostNothingDuplicated}),
     * followed by the load it took and what reached Shopify, none of it lost or duplicated.
     */
    static void recordSettled(String scenario, Map<String, Object> figures, Traffic traffic, ShopifySimulator shopify) {
        var all = new LinkedHashMap<>(figures);
        all.put("webhooksAcknowledged", traffic.acknowledgedWebhooks().size());
        all.put("ordersAccepted", traffic.acceptedOrders().size());
        all.put("shopifyOrders", shopify.store().orders(PUSH_SHOP).size());
        all.put("lost", 0);
        all.put("duplicates", 0);
        record(scenario, all);
    }

    /**
     * The end state every scenario must reach: each acknowledged webhook applied once, each accepted order
     * stored once and pushed to Shopify once, nothing in a dead-letter queue.
     */
    static void assertNothingLostNothingDuplicated(
            Traffic traffic, Stored stored, SqsServer sqs, ShopifySimulator shopify) throws SQLException {
        assertNothingLostNothingDuplicated(
                traffic.acknowledgedWebhooks(), traffic.acceptedOrders(), stored, sqs, shopify);
    }

    /** The same for what several clients (of several instances) had acknowledged: webhook id → Shopify id, externalId → id. */
    static void assertNothingLostNothingDuplicated(
            Map<String, Long> webhooks,
            Map<String, String> orders,
            Stored stored,
            SqsServer sqs,
            ShopifySimulator shopify)
            throws SQLException {
        assertThat(stored.processedWebhooks(webhooks.keySet()))
                .as("acknowledged webhooks processed")
                .isEqualTo(webhooks.size());
        Map<Long, Long> perShopifyId = stored.ordersPerShopifyId();
        assertThat(perShopifyId)
                .as("one order per acknowledged Shopify id")
                .containsAllEntriesOf(webhooks.values().stream().collect(Collectors.toMap(id -> id, id -> 1L)));
        assertThat(perShopifyId.values()).as("no Shopify order stored twice").allMatch(n -> n == 1);

        Map<String, List<Stored.StoredOrder>> perExternalId = stored.ordersPerExternalId();
        assertThat(perExternalId.keySet()).as("accepted orders stored").containsAll(orders.keySet());
        assertThat(perExternalId.values()).as("no externalId stored twice").allMatch(list -> list.size() == 1);
        orders.forEach((externalId, id) -> assertThat(
                        perExternalId.get(externalId).getFirst().id())
                .as("stored id of %s", externalId)
                .isEqualTo(id));

        Map<String, List<SimulatedOrder>> inShopify = shopify.store().orders(PUSH_SHOP).stream()
                .collect(Collectors.groupingBy(SimulatedOrder::sourceIdentifier));
        assertThat(inShopify.values()).as("no order created twice in Shopify").allMatch(list -> list.size() == 1);
        for (List<Stored.StoredOrder> list : perExternalId.values()) {
            Stored.StoredOrder order = list.getFirst();
            assertThat(order.status()).as("order %s", order.id()).isEqualTo("PUSHED");
            assertThat(inShopify.get(order.id()))
                    .as("Shopify order of %s", order.id())
                    .isNotNull();
            assertThat(order.shopifyOrderId())
                    .isEqualTo(inShopify.get(order.id()).getFirst().legacyId());
        }
        assertThat(sqs.messages("orderbridge-webhooks-dlq"))
                .as("webhook dead letters")
                .isZero();
        assertThat(sqs.messages("orderbridge-push-dlq")).as("push dead letters").isZero();
    }

    /**
     * Waits (generously) until every acknowledged webhook is processed and every stored order pushed. A run
     * that does not settle in time is left to the checks that follow, which say what is missing.
     */
    static void awaitSettled(Traffic traffic, Stored stored, Duration timeout) {
        awaitSettled(traffic.acknowledgedWebhooks().keySet(), stored, timeout);
    }

    static void awaitSettled(java.util.Set<String> webhookIds, Stored stored, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> settled(webhookIds, stored));
        } catch (ConditionTimeoutException unsettled) {
            System.out.println("[reliability] not settled after " + timeout + ": " + unsettled.getMessage());
        }
    }

    private static boolean settled(java.util.Set<String> webhookIds, Stored stored) throws SQLException {
        boolean webhooksDone = stored.processedWebhooks(webhookIds) == webhookIds.size();
        boolean pushesDone = stored.ordersPerExternalId().values().stream()
                .flatMap(List::stream)
                .allMatch(o -> !o.status().equals("PENDING_PUSH"));
        return webhooksDone && pushesDone;
    }

    /** Paces a load generator or a probe; never a wait for a state, which is awaited. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
