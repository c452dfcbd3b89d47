package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.ADMIN_KEY;
import static org.orderbridge.push.PushFixtures.READ_KEY;
import static org.orderbridge.push.PushFixtures.WRITE_KEY;
import static org.orderbridge.push.PushFixtures.headers;
import static org.orderbridge.push.PushFixtures.orderRequest;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** From intake through outbox, queue and worker to Shopify, which is the in-memory fake of PushFixtures. */
@OrderBridgeTest
class PushFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    PushFixtures.FakeShopify shopify;

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

    @Test
    void pushesAcceptedOrderToShopify() {
        String email = "push-ok@example.com";
        String id = accept(email);

        JsonNode order = awaitStatus(id, "PUSHED");

        assertThat(order.get("shopifyOrderId").asLong()).isPositive();
        assertThat(order.get("shopifyGid").asText()).startsWith("gid://shopify/Order/");
        assertThat(shopify.callsFor(email)).singleElement().satisfies(draft -> {
            assertThat(draft.orderId()).hasToString(id);
            assertThat(draft.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        });
        assertThat(outboxRows(id)).isZero();
    }

    @Test
    void parksOrderThatShopifyRejectsAndPushesItAgainOnRequest() {
        String email = "push-rejected@example.com";
        shopify.reject(email, "Variant 42 does not exist");
        String id = accept(email);

        JsonNode parked = awaitStatus(id, "PUSH_FAILED");
        assertThat(parked.get("lastError").asText()).isEqualTo("Variant 42 does not exist");

        shopify.recover(email);
        var repush = rest.exchange("/api/v1/orders/" + id + "/push", HttpMethod.POST,
                new HttpEntity<>(headers(ADMIN_KEY)), JsonNode.class);
        assertThat(repush.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(repush.getBody().get("status").asText()).isEqualTo("PENDING_PUSH");

        assertThat(awaitStatus(id, "PUSHED").get("lastError")).isNull();
        assertThat(shopify.callsFor(email)).hasSize(2);
    }

    @Test
    void refusesManualPushOfPushedOrder() {
        String id = accept("push-twice@example.com");
        awaitStatus(id, "PUSHED");

        var repush = rest.exchange("/api/v1/orders/" + id + "/push", HttpMethod.POST,
                new HttpEntity<>(headers(ADMIN_KEY)), JsonNode.class);

        assertThat(repush.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void deadLettersOrderAfterRetriesAndPushesItAfterRedrive() {
        String email = "push-unavailable@example.com";
        shopify.beUnavailable(email);
        String id = accept(email);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetters().toString().contains(id));
        JsonNode pending = order(id);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_PUSH");
        assertThat(pending.get("lastError").asText()).contains("Shopify unavailable");
        assertThat(shopify.callsFor(email)).hasSizeGreaterThanOrEqualTo(8);
        JsonNode deadLetter = findDeadLetter(id);
        assertThat(deadLetter.get("approximateReceiveCount").asInt()).isPositive();

        shopify.recover(email);
        var redrive = rest.exchange("/api/v1/admin/dead-letters/redrive?queue=push&max=100", HttpMethod.POST,
                new HttpEntity<>(headers(ADMIN_KEY)), JsonNode.class);

        assertThat(redrive.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(redrive.getBody().get("moved").asInt()).isPositive();
        awaitStatus(id, "PUSHED");
        assertThat(deadLetters().toString()).doesNotContain(id);
    }

    @Test
    void keepsPushRequestInOutboxUntilARelayRunsAgain() {
        String email = "push-crash@example.com";
        relayScheduler.stop();
        String id;
        try {
            // Committed with no relay running: what a crash right after the commit leaves behind.
            id = accept(email);
            assertThat(outboxRows(id)).isOne();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> shopify.callsFor(email).isEmpty());
            assertThat(order(id).get("status").asText()).isEqualTo("PENDING_PUSH");

            // A new relay, as in a restarted instance, knows nothing but the table.
            var fresh = new OutboxRelay(jdbc, transactionManager, sqs, queueUrls, properties);
            assertThat(fresh.relayBatch()).isPositive();
        } finally {
            relayScheduler.start();
        }
        assertThat(outboxRows(id)).isZero();
        awaitStatus(id, "PUSHED");
    }

    @Test
    void refusesDeadLetterListForUnknownQueueAndNonAdminKey() {
        var unknown = rest.exchange("/api/v1/admin/dead-letters?queue=orders", HttpMethod.GET,
                new HttpEntity<>(headers(ADMIN_KEY)), JsonNode.class);
        var reader = rest.exchange("/api/v1/admin/dead-letters?queue=push", HttpMethod.GET,
                new HttpEntity<>(headers(READ_KEY)), JsonNode.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String accept(String email) {
        var response = rest.exchange("/api/v1/orders", HttpMethod.POST,
                new HttpEntity<>(orderRequest("ext-" + UUID.randomUUID(), email), headers(WRITE_KEY)),
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    private JsonNode order(String id) {
        return rest.exchange("/api/v1/orders/" + id, HttpMethod.GET, new HttpEntity<>(headers(READ_KEY)),
                JsonNode.class).getBody();
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> order(id).get("status").asText().equals(status));
        return order(id);
    }

    private JsonNode deadLetters() {
        var response = rest.exchange("/api/v1/admin/dead-letters?queue=push&max=100", HttpMethod.GET,
                new HttpEntity<>(headers(ADMIN_KEY)), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode findDeadLetter(String id) {
        for (JsonNode message : deadLetters()) {
            if (message.get("body").asText().contains(id)) {
                return message;
            }
        }
        throw new AssertionError("no dead letter for " + id);
    }

    private int outboxRows(String id) {
        return jdbc.queryForObject("select count(*) from push_outbox where order_id = ?::uuid", Integer.class, id);
    }
}
