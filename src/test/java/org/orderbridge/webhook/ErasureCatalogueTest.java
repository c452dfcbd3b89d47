package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.ADMIN_KEY;
import static org.orderbridge.webhook.WebhookFixtures.appUninstalled;
import static org.orderbridge.webhook.WebhookFixtures.deliver;
import static org.orderbridge.webhook.WebhookFixtures.newShopifyId;
import static org.orderbridge.webhook.WebhookFixtures.processed;
import static org.orderbridge.webhook.WebhookFixtures.shopRedact;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Erasure that stays erased. Every table the database's catalogue lists is filled for two shops and their customers
 * (a table added later fails the check that it was filled, until this test fills it or names it among the tables that
 * hold no shop's data); then one shop and one customer of the other shop are erased. Afterwards no row, stored payload
 * or dead letter mentions either, the other shop and customer are untouched, and replaying the erased shop's and
 * customer's old deliveries recreates nothing.
 */
@OrderBridgeTest
class ErasureCatalogueTest {

    private static final String GONE = "erasure-gone.myshopify.com";
    private static final String KEPT = "erasure-kept.myshopify.com";
    private static final long GONE_SHOP_ID = 9101;
    private static final long KEPT_SHOP_ID = 9102;

    private static final Person GONE_SHOPS_BUYER = new Person(913_370_003L, "gone.shop.buyer@example.com", "Shopless");
    private static final Person ERASED = new Person(913_370_001L, "erased.person@example.com", "Gonewood");
    private static final Person STAYS = new Person(913_370_002L, "kept.person@example.com", "Stayman");

    /** Tables that hold nothing of a shop or customer, and why. */
    private static final Map<String, String> NO_SHOP_DATA = Map.of(
            "flyway_schema_history", "Flyway's record of the migrations",
            "erased_shop", "the tombstones: hashes of erased shops' domains and ids only",
            "api_audit", "operators' actions: key name, method, status and path, a shop domain in it hashed");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    EndToEndFixtures e2e;

    @Test
    void anErasedShopAndCustomerLeaveNothingAnywhereAndReplaysRecreateNothing() throws Exception {
        long goneOrder = newShopifyId();
        long erasedOrder = goneOrder + 1;
        long keptOrder = goneOrder + 2;
        String goneBody = orderOf(goneOrder, GONE_SHOPS_BUYER);
        String erasedBody = orderOf(erasedOrder, ERASED);
        deliverAndAwait(GONE, "orders/create", goneBody);
        deliverAndAwait(KEPT, "orders/create", erasedBody);
        deliverAndAwait(KEPT, "orders/create", orderOf(keptOrder, STAYS));
        deliverAndAwait(GONE, "fulfillments/create", fulfillment(goneOrder));
        deliverAndAwait(KEPT, "fulfillments/create", fulfillment(erasedOrder));
        deliverAndAwait(GONE, "customers/data_request", dataRequest(GONE_SHOP_ID, GONE, GONE_SHOPS_BUYER, goneOrder));
        deliverAndAwait(KEPT, "customers/data_request", dataRequest(KEPT_SHOP_ID, KEPT, ERASED, erasedOrder));
        deliverAndAwait(KEPT, "customers/data_request", dataRequest(KEPT_SHOP_ID, KEPT, STAYS, keptOrder));
        // Uninstalling revokes the app's token: Shopify refusing it is what lets shop/redact erase.
        e2e.shopify().uninstallApp(GONE);
        deliverAndAwait(GONE, "app/uninstalled", appUninstalled(GONE_SHOP_ID, GONE));
        assertThat(e2e.call(HttpMethod.POST, "/api/v1/admin/shops/" + GONE + "/backfill?since=2026-01-01", ADMIN_KEY)
                        .getStatusCode()
                        .value())
                .isEqualTo(202);
        UUID goneOrderId = orderId(GONE, goneOrder);
        UUID erasedOrderId = orderId(KEPT, erasedOrder);
        fillWhatNoWebhookLeaves(goneOrderId, erasedOrderId);
        deadLetter(GONE, "orders/create", goneBody);
        deadLetter(KEPT, "orders/updated", erasedBody);
        String staysLetter = orderOf(newShopifyId(), STAYS);
        deadLetter(KEPT, "orders/updated", staysLetter);
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsMentioning("webhook_subscription_check", key(GONE)) > 0);
        List<String> goneTokens = List.of(GONE, key(GONE), goneOrderId.toString(), GONE_SHOPS_BUYER.email());
        // A pending push request, held in the outbox while the relay is stopped.
        SmartLifecycle relay = context.getBean("outboxRelayScheduler", SmartLifecycle.class);
        relay.stop();
        try {
            jdbc.sql("insert into push_outbox (order_id, created_at) values (?, now())")
                    .param(goneOrderId)
                    .update();
            for (String table : tables()) {
                if (!NO_SHOP_DATA.containsKey(table)) {
                    assertThat(rowsMentioning(table, goneTokens.toArray(String[]::new)))
                            .as("rows of %s filled for the shop (fill it here, or list it in NO_SHOP_DATA)", table)
                            .isPositive();
                }
            }

            deliverAndAwait(KEPT, "customers/redact", """
                    {"shop_id":%d,"shop_domain":"%s","customer":{"id":%d,"email":"%s"},"orders_to_redact":[%d]}""".formatted(
                            KEPT_SHOP_ID, KEPT, ERASED.id(), ERASED.email(), erasedOrder));
            assertThat(deliver(port, "shop/redact", GONE, UUID.randomUUID().toString(), shopRedact(GONE_SHOP_ID, GONE))
                            .statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> rowsMentioning("erased_shop", key(GONE)) == 1);

            assertNothingMentions(goneTokens, ERASED);
            assertThat(rowsMentioning("push_outbox", goneOrderId.toString())).isZero();
        } finally {
            relay.start();
        }
        assertThat(rowsMentioning("shop_order", STAYS.email())).isOne();
        assertThat(rowsMentioning("data_request", STAYS.email())).isOne();
        assertThat(rowsMentioning("shop_order", String.valueOf(erasedOrder)))
                .as("the erased customer's order stays, without them")
                .isOne();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> letters = deadLetters();
            assertThat(letters).noneMatch(letter -> letter.contains(GONE) || letter.contains(ERASED.email()));
            assertThat(letters).anyMatch(letter -> letter.contains(staysLetter));
        });

        double droppedBefore = processed(meters, "orders/create", "erased_shop");
        deliver(port, "orders/create", GONE, UUID.randomUUID().toString(), goneBody);
        replayFromQueue(GONE, "orders/create", goneBody);
        deliverAndAwait(KEPT, "orders/updated", erasedBody.replace("2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processed(meters, "orders/create", "erased_shop") - droppedBefore >= 2);

        assertNothingMentions(goneTokens, ERASED);
        assertThat(meters.counter("orderbridge.erasure.dropped", "source", "webhook")
                        .count())
                .isGreaterThanOrEqualTo(2);
        var backfill =
                e2e.call(HttpMethod.POST, "/api/v1/admin/shops/" + GONE + "/backfill?since=2026-01-01", ADMIN_KEY);
        assertThat(backfill.getStatusCode().value()).isEqualTo(404);
        assertThat(String.valueOf(backfill.getHeaders().getContentType())).startsWith("application/problem+json");
    }

    @Test
    void aDataRequestIsAnsweredWithAnExportDueInThirtyDays() throws Exception {
        long order = newShopifyId();
        var person = new Person(913_370_004L, "asks.for.data@example.com", "Curious");
        deliverAndAwait(KEPT, "orders/create", orderOf(order, person));
        String webhookId = UUID.randomUUID().toString();
        deliver(port, "customers/data_request", KEPT, webhookId, dataRequest(KEPT_SHOP_ID, KEPT, person, order));
        await().atMost(Duration.ofSeconds(20)).until(() -> rowsMentioning("data_request", person.email()) == 1);
        String id = jdbc.sql("select id::text from data_request where webhook_id = ?")
                .param(webhookId)
                .query(String.class)
                .single();

        JsonNode listed = e2e.call(HttpMethod.GET, "/api/v1/admin/compliance/data-requests", ADMIN_KEY)
                .getBody();
        JsonNode request = e2e.call(HttpMethod.GET, "/api/v1/admin/compliance/data-requests/" + id, ADMIN_KEY)
                .getBody();

        assertThat(listed.findValuesAsString("id")).contains(id);
        assertThat(request.get("customerId").asLong()).isEqualTo(person.id());
        assertThat(Instant.parse(request.get("dueAt").asString()))
                .isEqualTo(Instant.parse(request.get("receivedAt").asString()).plus(30, ChronoUnit.DAYS));
        JsonNode exported = request.get("export").get("orders").get(0);
        assertThat(exported.get("shopifyOrderId").asLong()).isEqualTo(order);
        assertThat(exported.get("customer").toString()).contains(person.email());
        assertThat(exported.get("shippingAddress").get("lastName").asString()).isEqualTo(person.lastName());
        assertThat(exported.has("shipments")).isTrue();

        var malformed = e2e.call(HttpMethod.GET, "/api/v1/admin/compliance/data-requests/not-a-uuid", ADMIN_KEY);
        var unknown =
                e2e.call(HttpMethod.GET, "/api/v1/admin/compliance/data-requests/" + UUID.randomUUID(), ADMIN_KEY);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(malformed.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(String.valueOf(unknown.getHeaders().getContentType())).startsWith("application/problem+json");

        jdbc.sql("update data_request set due_at = now() - interval '1 day' where id = ?::uuid")
                .param(id)
                .update();
        assertThat(meters.get("orderbridge.compliance.data_requests.overdue")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
        assertThat(e2e.call(HttpMethod.POST, "/api/v1/admin/compliance/data-requests/" + id + "/delivered", ADMIN_KEY)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from data_request where id = ?::uuid and delivered_at is not null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    private void assertNothingMentions(List<String> shopTokens, Person customer) {
        for (String table : tables()) {
            List<String> tokens = new ArrayList<>(List.of(GONE, customer.email(), customer.lastName()));
            tokens.add(String.valueOf(customer.id()));
            if (!NO_SHOP_DATA.containsKey(table)) {
                tokens.addAll(shopTokens);
            }
            assertThat(rowsMentioning(table, tokens.toArray(String[]::new)))
                    .as("rows of %s that mention the erased shop or customer", table)
                    .isZero();
        }
        assertThat(jdbc.sql("select count(*) from webhook_payload where strpos(lower(encode(body, 'escape')), ?) > 0")
                        .param(customer.email())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void fillWhatNoWebhookLeaves(UUID goneOrderId, UUID erasedOrderId) {
        for (String shop : List.of(GONE, KEPT)) {
            UUID order = shop.equals(GONE) ? goneOrderId : erasedOrderId;
            jdbc.sql("""
                    insert into shipment (id, order_id, shop_domain, shipment_id, status, content_hash, items,
                                          notify_customer, created_at, updated_at, version)
                    values (?, ?, ?, 'parcel-1', 'FULFILLED', 'hash', '[]', false, now(), now(), 0)""").params(UUID.randomUUID(), order, shop).update();
            jdbc.sql("""
                    insert into order_line_left (order_id, position, sku, quantity, read_at)
                    values (?, 0, 'MUG-1', 1, now()) on conflict do nothing""").param(order).update();
            jdbc.sql("""
                    insert into reconciliation_shop (shop_domain, next_pass_at) values (?, now() + interval '1 day')
                    on conflict do nothing""").param(shop).update();
            jdbc.sql("""
                    insert into fulfillment_request (id, shop, fulfillment_order_gid, status, answer, received_at,
                                                     updated_at)
                    values (?, ?, 'gid://shopify/FulfillmentOrder/1', 'SUBMITTED', 'NONE', now(), now())""").params(UUID.randomUUID(), shop).update();
            jdbc.sql("""
                    insert into fulfillment_service_registration (shop, name, checked_at) values (?, 'Warehouse', now())
                    on conflict do nothing""").param(shop).update();
        }
        // A claim-checked body SQS refused, and a parked shop/redact: neither stays long, both name the shop.
        jdbc.sql("insert into webhook_payload (id, shop_domain, body, created_at) values (?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        GONE,
                        ("{\"shop\":\"" + GONE + "\"}").getBytes(StandardCharsets.UTF_8),
                        Timestamp.from(Instant.now()))
                .update();
        jdbc.sql("insert into webhook_payload (id, shop_domain, body, created_at) values (?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        KEPT,
                        orderOf(newShopifyId(), ERASED).getBytes(StandardCharsets.UTF_8),
                        Timestamp.from(Instant.now()))
                .update();
        jdbc.sql("""
                insert into parked_compliance_request (webhook_id, shop_domain, topic, shop_id, reason, received_at)
                values (?, ?, 'shop/redact', ?, 'the app is still installed in the shop', now())""").params(UUID.randomUUID().toString(), GONE, GONE_SHOP_ID).update();
    }

    private void deadLetter(String shop, String topic, String body) throws Exception {
        send("orderbridge-webhooks-dlq", shop, topic, body);
    }

    /** The old message as a re-drive would bring it back: into the webhook queue. */
    private void replayFromQueue(String shop, String topic, String body) throws Exception {
        send("orderbridge-webhooks", shop, topic, body);
    }

    private void send(String queue, String shop, String topic, String body) throws Exception {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).get().queueUrl();
        Map<String, MessageAttributeValue> attributes = Map.of(
                WebhookQueueMessages.FORMAT, text(WebhookQueueMessages.FORMAT_HTTP),
                WebhookQueueMessages.TOPIC, text(topic),
                WebhookQueueMessages.SHOP, text(shop),
                WebhookQueueMessages.WEBHOOK_ID, text(UUID.randomUUID().toString()));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(attributes))
                .get();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    /** Bodies and attributes of the dead letters, looked at without taking them. */
    private List<String> deadLetters() throws Exception {
        var seen = new java.util.LinkedHashMap<String, String>();
        for (String queue : List.of("orderbridge-webhooks-dlq", "orderbridge-push-dlq")) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).get().queueUrl();
            for (int round = 0; round < 20; round++) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url)
                                .maxNumberOfMessages(10)
                                .visibilityTimeout(0)
                                .messageAttributeNames("All"))
                        .get()
                        .messages();
                messages.forEach(m -> seen.putIfAbsent(m.messageId(), m.body() + " " + m.messageAttributes()));
                if (messages.isEmpty()) {
                    break;
                }
            }
        }
        return List.copyOf(seen.values());
    }

    private long rowsMentioning(String table, String... tokens) {
        long rows = 0;
        for (String token : tokens) {
            rows += jdbc.sql("select count(*) from " + table + " t where strpos(lower(t::text), lower(?)) > 0")
                    .param(token)
                    .query(Long.class)
                    .single();
        }
        return rows;
    }

    private List<String> tables() {
        return jdbc.sql("""
                select table_name from information_schema.tables
                 where table_schema = current_schema() and table_type = 'BASE TABLE'""").query(String.class).list();
    }

    private UUID orderId(String shop, long shopifyOrderId) {
        return jdbc.sql("select id from shop_order where shop_domain = ? and shopify_order_id = ?")
                .params(shop, shopifyOrderId)
                .query(UUID.class)
                .single();
    }

    private void deliverAndAwait(String shop, String topic, String body) throws Exception {
        String webhookId = UUID.randomUUID().toString();
        assertThat(deliver(port, topic, shop, webhookId, body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("select count(*) from webhook_delivery where webhook_id = ? and outcome <> 'CLAIMED'")
                                        .param(webhookId)
                                        .query(Long.class)
                                        .single()
                                == 1);
    }

    private static String orderOf(long id, Person person) {
        return WebhookFixtures.order(id, Instant.now().truncatedTo(ChronoUnit.SECONDS), "leave it at the door")
                .replace("\"id\":7001", "\"id\":" + person.id())
                .replace("jon@example.com", person.email())
                .replace("Snow", person.lastName());
    }

    private static String fulfillment(long order) {
        return """
                {"id":%d,"order_id":%d,"status":"success","tracking_company":"DHL","tracking_numbers":["JJD0001"],
                 "updated_at":"%s"}""".formatted(newShopifyId(), order, Instant.now());
    }

    private static String dataRequest(long shopId, String shop, Person person, long order) {
        return """
                {"shop_id":%d,"shop_domain":"%s","customer":{"id":%d,"email":"%s"},"orders_requested":[%d],
                 "data_request":{"id":9}}""".formatted(shopId, shop, person.id(), person.email(), order);
    }

    private static String key(String shop) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(shop.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Person(long id, String email, String lastName) {}
}
