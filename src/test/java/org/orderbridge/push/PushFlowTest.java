package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.ADMIN_KEY;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;
import static org.orderbridge.push.PushFixtures.READ_KEY;
import static org.orderbridge.push.PushFixtures.WRITE_KEY;
import static org.orderbridge.push.PushFixtures.headers;
import static org.orderbridge.push.PushFixtures.orderCreateCalls;
import static org.orderbridge.push.PushFixtures.shopifyOrdersFor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.order.Orders;
import org.orderbridge.platform.QueueUrls;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.JsonNode;

/** From intake through outbox, queue and worker to Shopify, which is the simulator behind the real client. */
@OrderBridgeTest
class PushFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ShopifySimulator shopify;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    QueueUrls queueUrls;

    @Autowired
    PushProperties properties;

    @Autowired
    OutboxRelayScheduler relayScheduler;

    @Autowired
    Orders orders;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void repairShopify() {
        shopify.faults().clear();
    }

    @Test
    void pushesAcceptedOrderToShopify() {
        String id = accept("push-ok@example.com");

        JsonNode order = awaitStatus(id, "PUSHED");

        assertThat(shopifyOrdersFor(shopify, id)).singleElement().satisfies(created -> {
            assertThat(created.shop()).isEqualTo(PushFixtures.SHOP);
            assertThat(created.legacyId()).isEqualTo(order.get("shopifyOrderId").asLong());
            assertThat(created.gid()).isEqualTo(order.get("shopifyGid").asString());
            assertThat(created.input()).containsEntry("email", "push-ok@example.com");
            assertThat(created.customer().email()).isEqualTo("push-ok@example.com");
            assertThat(created.customer().firstName()).isEqualTo("Ada");
            assertThat(created.customer().lastName()).isEqualTo("Lovelace");
            assertThat(created.lineItems())
                    .singleElement()
                    .satisfies(line ->
                            assertThat(line).containsEntry("quantity", 2).containsEntry("sku", "ENGINE-1"));
        });
        assertThat(outboxRows(id)).isZero();
    }

    @Test
    void parksOrderThatShopifyRejectsAndPushesItAgainOnRequest() {
        shopify.faults().forShop(FAULTY_SHOP).nextFor("orderCreate", 1, Fault.userError("Variant 42 does not exist"));
        String id = accept("push-rejected@example.com", FAULTY_SHOP);

        JsonNode parked = awaitStatus(id, "PUSH_FAILED");
        assertThat(parked.get("lastError").asString()).isEqualTo("Variant 42 does not exist");
        assertThat(shopifyOrdersFor(shopify, id)).isEmpty();

        var repush = rest.exchange(
                "/api/v1/orders/" + id + "/push",
                HttpMethod.POST,
                new HttpEntity<>(headers(ADMIN_KEY)),
                JsonNode.class);
        assertThat(repush.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(repush.getBody().get("status").asString()).isEqualTo("PENDING_PUSH");

        assertThat(awaitStatus(id, "PUSHED").get("lastError")).isNull();
        assertThat(shopifyOrdersFor(shopify, id)).hasSize(1);
    }

    @Test
    void parksOrderShopifyRefusesForLackOfStockAtOnceNamingLineAndLocation() {
        long variant = 8_800_000_000L + System.nanoTime() % 100_000_000L;
        shopify.store().inventory().stock(PushFixtures.SHOP, variant, "gid://shopify/Location/1", 1);
        var request = PushFixtures.orderRequest("ext-" + UUID.randomUUID(), "push-out-of-stock@example.com");
        request.put(
                "lineItems",
                List.of(Map.of(
                        "sku",
                        "ENGINE-9",
                        "variantId",
                        variant,
                        "title",
                        "Engine",
                        "quantity",
                        2,
                        "unitPrice",
                        "9.90")));
        double outOfStockBefore = pushOutcomes("out_of_stock");

        var accepted = rest.exchange(
                "/api/v1/orders", HttpMethod.POST, new HttpEntity<>(request, headers(WRITE_KEY)), JsonNode.class);
        String id = accepted.getBody().get("id").asString();

        JsonNode parked = awaitStatus(id, "PUSH_FAILED");
        assertThat(parked.get("lastError").asString())
                .startsWith("Out of stock in Shopify: line 1 (SKU ENGINE-9, variant " + variant + ")")
                .contains("gid://shopify/Location/1 (1 available)");
        assertThat(shopify.requests())
                .filteredOn(r -> r.isFor("orderCreate", id))
                .hasSize(1);
        assertThat(shopifyOrdersFor(shopify, id)).isEmpty();
        assertThat(pushOutcomes("out_of_stock")).isEqualTo(outOfStockBefore + 1);
        assertThat(orders.needingAttention(Duration.ZERO, 10_000))
                .extracting(order -> order.id().toString())
                .contains(id);
    }

    @Test
    void refusesManualPushOfPushedOrder() {
        String id = accept("push-twice@example.com");
        awaitStatus(id, "PUSHED");

        var repush = rest.exchange(
                "/api/v1/orders/" + id + "/push",
                HttpMethod.POST,
                new HttpEntity<>(headers(ADMIN_KEY)),
                JsonNode.class);

        assertThat(repush.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void deadLettersOrderAfterRetriesAndPushesItAfterRedrive() {
        shopify.faults().forShop(FAULTY_SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        long callsBefore = orderCreateCalls(shopify, FAULTY_SHOP);
        String id = accept("push-unavailable@example.com", FAULTY_SHOP);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetters().toString().contains(id));
        JsonNode pending = order(id);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_PUSH");
        assertThat(pending.get("lastError").asString()).contains("Shopify unavailable");
        // Not one call per receive: the open circuit spares Shopify some of them.
        assertThat(orderCreateCalls(shopify, FAULTY_SHOP) - callsBefore).isGreaterThanOrEqualTo(2);
        JsonNode deadLetter = findDeadLetter(id);
        assertThat(deadLetter.get("approximateReceiveCount").asInt()).isPositive();

        shopify.faults().clear();
        var redrive = rest.exchange(
                "/api/v1/admin/dead-letters/redrive?queue=push&max=100",
                HttpMethod.POST,
                new HttpEntity<>(headers(ADMIN_KEY)),
                JsonNode.class);

        assertThat(redrive.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(redrive.getBody().get("moved").asInt()).isPositive();
        awaitStatus(id, "PUSHED");
        assertThat(shopifyOrdersFor(shopify, id)).hasSize(1);
        assertThat(deadLetters().toString()).doesNotContain(id);
    }

    @Test
    void keepsPushRequestInOutboxUntilARelayRunsAgain() {
        relayScheduler.stop();
        String id;
        try {
            // Committed with no relay running: what a crash right after the commit leaves behind.
            String accepted = accept("push-crash@example.com");
            id = accepted;
            assertThat(outboxRows(id)).isOne();
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> shopifyOrdersFor(shopify, accepted).isEmpty());
            assertThat(order(id).get("status").asString()).isEqualTo("PENDING_PUSH");

            // A new relay, as in a restarted instance, knows nothing but the table.
            var fresh = new OutboxRelay(jdbc, transactionManager, sqs, queueUrls, properties);
            assertThat(fresh.relayBatch()).isPositive();
        } finally {
            relayScheduler.start();
        }
        assertThat(outboxRows(id)).isZero();
        awaitStatus(id, "PUSHED");
        assertThat(shopifyOrdersFor(shopify, id)).hasSize(1);
    }

    @Test
    void refusesDeadLetterListForUnknownQueueAndNonAdminKey() {
        var unknown = rest.exchange(
                "/api/v1/admin/dead-letters?queue=orders",
                HttpMethod.GET,
                new HttpEntity<>(headers(ADMIN_KEY)),
                JsonNode.class);
        var reader = rest.exchange(
                "/api/v1/admin/dead-letters?queue=push",
                HttpMethod.GET,
                new HttpEntity<>(headers(READ_KEY)),
                JsonNode.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String accept(String email) {
        return accept(email, PushFixtures.SHOP);
    }

    private String accept(String email, String shop) {
        return PushFixtures.accept(rest, email, shop);
    }

    private JsonNode order(String id) {
        return PushFixtures.order(rest, id);
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> order(id).get("status").asString().equals(status));
        return order(id);
    }

    private JsonNode deadLetters() {
        var response = rest.exchange(
                "/api/v1/admin/dead-letters?queue=push&max=100",
                HttpMethod.GET,
                new HttpEntity<>(headers(ADMIN_KEY)),
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode findDeadLetter(String id) {
        for (JsonNode message : deadLetters()) {
            if (message.get("body").asString().contains(id)) {
                return message;
            }
        }
        throw new AssertionError("no dead letter for " + id);
    }

    private double pushOutcomes(String outcome) {
        Counter counter =
                meters.find("orderbridge.push.outcome").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private int outboxRows(String id) {
        return jdbc.queryForObject("select count(*) from push_outbox where subject_id = ?::uuid", Integer.class, id);
    }
}
