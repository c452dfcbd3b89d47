package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.webhook.WebhookFixtures.SHOP;
import static org.orderbridge.webhook.WebhookFixtures.awaitDeadLetter;
import static org.orderbridge.webhook.WebhookFixtures.deliver;
import static org.orderbridge.webhook.WebhookFixtures.newShopifyId;
import static org.orderbridge.webhook.WebhookFixtures.order;
import static org.orderbridge.webhook.WebhookFixtures.processed;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.platform.EmbeddedFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The whole pipeline on real PostgreSQL and a real SQS server: signed HTTP delivery to stored order. */
@OrderBridgeTest
class WebhookPipelineTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    EmbeddedFaults faults;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    MeterRegistry meters;

    @Test
    void storesOrderFromSignedWebhookAndServesItInTheApi() throws Exception {
        long id = newShopifyId();
        var response = deliver(port, "orders/create", order(id, Instant.parse("2026-11-20T10:00:00Z"), "first"));
        assertThat(response.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> orderNote(id) != null);
        String orderId = jdbc.sql("select id::text from shop_order where shopify_order_id = ?")
                .param(id)
                .query(String.class)
                .single();
        var api = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/orders/" + orderId))
                                .header("X-API-Key", "local-read-key-00001")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode view = mapper.readTree(api.body());
        assertThat(view.path("status").asString()).isEqualTo("SYNCED");
        assertThat(view.path("shopifyOrderId").asLong()).isEqualTo(id);
        assertThat(view.path("total").path("amount").asString()).isEqualTo("59.8");
        assertThat(view.path("customer").path("email").asString()).isEqualTo("jon@example.com");
        assertThat(view.path("lineItems").get(0).path("sku").asString()).isEqualTo("MUG-1");
        assertThat(view.path("tags")).hasSize(2);
    }

    @Test
    void appliesDuplicateDeliveryOnlyOnce() throws Exception {
        long id = newShopifyId();
        String webhookId = UUID.randomUUID().toString();
        String body = order(id, Instant.parse("2026-11-20T10:00:00Z"), "once");
        double duplicatesBefore = processed(meters, "orders/create", "duplicate");
        assertThat(deliver(port, "orders/create", SHOP, webhookId, body).statusCode())
                .isEqualTo(200);
        assertThat(deliver(port, "orders/create", SHOP, webhookId, body).statusCode())
                .isEqualTo(200);

        // Both deliveries have been processed once the second is counted as a duplicate.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processed(meters, "orders/create", "duplicate") > duplicatesBefore);
        assertThat(jdbc.sql("select version from shop_order where shopify_order_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from webhook_delivery where webhook_id = ?")
                        .param(webhookId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void appliesNewestOfShuffledUpdates() throws Exception {
        long id = newShopifyId();
        Instant base = Instant.parse("2026-11-21T08:00:00Z");
        List<Integer> versions = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        Collections.shuffle(versions, new Random(7));
        List<String> webhookIds = new ArrayList<>();
        for (int v : versions) {
            String topic = v == 1 ? "orders/create" : "orders/updated";
            String webhookId = UUID.randomUUID().toString();
            webhookIds.add(webhookId);
            assertThat(deliver(port, topic, SHOP, webhookId, order(id, base.plusSeconds(v), "v" + v))
                            .statusCode())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from webhook_delivery where webhook_id in (:ids)")
                                .param("ids", webhookIds)
                                .query(Long.class)
                                .single()
                        == webhookIds.size());
        assertThat(orderNote(id)).isEqualTo("v10");
        assertThat(jdbc.sql("select shopify_updated_at from shop_order where shopify_order_id = ?")
                        .param(id)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(base.plusSeconds(10));
    }

    @Test
    void acknowledgesWhileDatabaseIsDownAndLosesNothingOnceItIsBack() throws Exception {
        List<Long> ids = new ArrayList<>();
        double failedBefore = failedProcessing();
        faults.database().cut();
        try {
            for (int i = 0; i < 20; i++) {
                long id = newShopifyId() + i;
                ids.add(id);
                assertThat(deliver(port, "orders/create", order(id, Instant.now(), "outage"))
                                .statusCode())
                        .isEqualTo(200);
            }
            // The listener has taken the deliveries and failed on them for want of the database; what follows
            // is their redelivery, not their first attempt.
            await().atMost(Duration.ofSeconds(60)).until(() -> failedProcessing() - failedBefore >= ids.size());
        } finally {
            faults.database().restore();
        }
        // The test's own reads share the pool that is reconnecting: one that times out meanwhile is asked again.
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> jdbc.sql("select count(*) from shop_order where shopify_order_id in (:ids)")
                                .param("ids", ids)
                                .query(Long.class)
                                .single()
                        == ids.size());
    }

    @Test
    void answers503WithRetryAfterWhileSqsIsDown() throws Exception {
        faults.sqs().cut();
        try {
            var response = deliver(port, "orders/create", order(newShopifyId(), Instant.now(), "sqs down"));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        } finally {
            faults.restoreSqsAndAwaitOrphanedPolls();
        }
        long id = newShopifyId();
        assertThat(deliver(port, "orders/create", order(id, Instant.now(), "sqs back"))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "sqs back".equals(orderNote(id)));
    }

    @Test
    void sendsUnprocessablePayloadToDeadLetterQueueWithReason() throws Exception {
        String marker = UUID.randomUUID().toString();
        var response = deliver(port, "orders/create", "{\"note\":\"" + marker + "\",\"currency\":\"EUR\"}");
        assertThat(response.statusCode()).isEqualTo(200);

        Map<String, MessageAttributeValue> attributes =
                awaitDeadLetter(sqs, marker).messageAttributes();
        assertThat(attributes.get(DeadLetters.REASON).stringValue()).contains("no numeric 'id'");
        assertThat(attributes.get(WebhookQueueMessages.TOPIC).stringValue()).isEqualTo("orders/create");
    }

    @Test
    void processesShopifyEventBridgeEventFromTheSameQueue() throws Exception {
        long id = newShopifyId();
        String event = """
                {"version":"0","id":"%s","detail-type":"shopifyWebhook",
                 "source":"aws.partner/shopify.com/123/orderbridge","account":"123456789012",
                 "time":"2026-11-25T10:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"metadata":{"Content-Type":"application/json","X-Shopify-Topic":"orders/create",
                   "X-Shopify-Hmac-SHA256":"ignored-eventbridge-is-authenticated-by-iam",
                   "X-Shopify-Shop-Domain":"%s","X-Shopify-Webhook-Id":"%s","X-Shopify-Event-Id":"%s",
                   "X-Shopify-API-Version":"2026-10","X-Shopify-Triggered-At":"2026-11-25T10:00:00Z"},
                  "payload":%s}}
                """.formatted(
                        UUID.randomUUID(),
                        SHOP,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        order(id, Instant.now(), "via eventbridge"));
        String queue =
                sqs.getQueueUrl(b -> b.queueName("orderbridge-webhooks")).get().queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(event)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> "via eventbridge".equals(orderNote(id)));
    }

    @Test
    void countsRepeatedEventUnderNewWebhookIdAsDuplicate() throws Exception {
        long id = newShopifyId();
        String eventId = UUID.randomUUID().toString();
        String body = order(id, Instant.parse("2026-11-22T10:00:00Z"), "event");
        for (int i = 0; i < 2; i++) {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var headers = new java.util.HashMap<>(WebhookFixtures.signedHeaders("orders/create", bytes));
            headers.put("X-Shopify-Event-Id", eventId);
            assertThat(WebhookFixtures.send(port, bytes, headers).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("select count(*) from webhook_delivery where event_id = ? and outcome <> 'CLAIMED'")
                                        .param(eventId)
                                        .query(Long.class)
                                        .single()
                                == 2);
        assertThat(jdbc.sql("select outcome from webhook_delivery where event_id = ? order by outcome")
                        .param(eventId)
                        .query(String.class)
                        .list())
                .containsExactly("CREATED", "DUPLICATE_EVENT");
    }

    private double failedProcessing() {
        var counter = meters.find("orderbridge.webhooks.failed")
                .tags("topic", "orders/create")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String orderNote(long shopifyId) {
        return jdbc.sql("select note from shop_order where shopify_order_id = ?")
                .param(shopifyId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
