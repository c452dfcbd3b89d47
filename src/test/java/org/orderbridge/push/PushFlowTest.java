package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.ADMIN_KEY;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;
import static org.orderbridge.push.PushFixtures.READ_KEY;
import static org.orderbridge.push.PushFixtures.WRITE_KEY;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.order.Orders;
import org.orderbridge.platform.MessageTracing;
import org.orderbridge.platform.QueueUrls;
import org.orderbridge.shopify.simulator.Fault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.JsonNode;

/** From intake through outbox, queue and worker to Shopify, which is the simulator behind the real client. */
@OrderBridgeTest
class PushFlowTest {

    @Autowired
    EndToEndFixtures e2e;

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

    @Test
    void pushesAcceptedOrderToShopify() {
        String id = e2e.accept("push-ok@example.com");

        JsonNode order = e2e.awaitStatus(id, "PUSHED");

        assertThat(e2e.shopifyOrdersFor(id)).singleElement().satisfies(created -> {
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
        e2e.shopify()
                .faults()
                .forShop(FAULTY_SHOP)
                .nextFor("orderCreate", 1, Fault.userError("Variant 42 does not exist"));
        String id = e2e.accept("push-rejected@example.com", FAULTY_SHOP);

        JsonNode parked = e2e.awaitStatus(id, "PUSH_FAILED");
        assertThat(parked.get("lastError").asString()).isEqualTo("Variant 42 does not exist");
        assertThat(e2e.shopifyOrdersFor(id)).isEmpty();

        var repush = e2e.call(HttpMethod.POST, "/api/v1/orders/" + id + "/push", ADMIN_KEY);
        assertThat(repush.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(repush.getBody().get("status").asString()).isEqualTo("PENDING_PUSH");

        assertThat(e2e.awaitStatus(id, "PUSHED").get("lastError")).isNull();
        assertThat(e2e.shopifyOrdersFor(id)).hasSize(1);
    }

    @Test
    void parksOrderShopifyRefusesForLackOfStockAtOnceNamingLineAndLocation() {
        long variant = 8_800_000_000L + System.nanoTime() % 100_000_000L;
        e2e.shopify().store().inventory().stock(PushFixtures.SHOP, variant, "gid://shopify/Location/1", 1);
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

        String id = e2e.call(HttpMethod.POST, "/api/v1/orders", WRITE_KEY, request)
                .getBody()
                .get("id")
                .asString();

        JsonNode parked = e2e.awaitStatus(id, "PUSH_FAILED");
        assertThat(parked.get("lastError").asString())
                .startsWith("Out of stock in Shopify: line 1 (SKU ENGINE-9, variant " + variant + ")")
                .contains("gid://shopify/Location/1 (1 available)");
        assertThat(e2e.shopify().requests())
                .filteredOn(r -> r.isFor("orderCreate", id))
                .hasSize(1);
        assertThat(e2e.shopifyOrdersFor(id)).isEmpty();
        assertThat(pushOutcomes("out_of_stock")).isEqualTo(outOfStockBefore + 1);
        assertThat(orders.needingAttention(Duration.ZERO, 10_000))
                .extracting(order -> order.id().toString())
                .contains(id);
    }

    @Test
    void refusesManualPushOfPushedOrder() {
        String id = e2e.accept("push-twice@example.com");
        e2e.awaitStatus(id, "PUSHED");

        var repush = e2e.call(HttpMethod.POST, "/api/v1/orders/" + id + "/push", ADMIN_KEY);

        assertThat(repush.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void deadLettersOrderAfterRetriesAndPushesItAfterRedrive() {
        e2e.shopify().faults().forShop(FAULTY_SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        long callsBefore = e2e.orderCreateCalls(FAULTY_SHOP);
        String id = e2e.accept("push-unavailable@example.com", FAULTY_SHOP);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetters().toString().contains(id));
        JsonNode pending = e2e.order(id);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_PUSH");
        assertThat(pending.get("lastError").asString()).contains("Shopify unavailable");
        // Not one call per receive: the open circuit spares Shopify some of them.
        assertThat(e2e.orderCreateCalls(FAULTY_SHOP) - callsBefore).isGreaterThanOrEqualTo(2);
        JsonNode deadLetter = findDeadLetter(id);
        assertThat(deadLetter.get("approximateReceiveCount").asInt()).isPositive();

        e2e.shopify().faults().clear();
        var redrive = e2e.call(HttpMethod.POST, "/api/v1/admin/dead-letters/redrive?queue=push&max=100", ADMIN_KEY);

        assertThat(redrive.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(redrive.getBody().get("moved").asInt()).isPositive();
        e2e.awaitStatus(id, "PUSHED");
        assertThat(e2e.shopifyOrdersFor(id)).hasSize(1);
        assertThat(deadLetters().toString()).doesNotContain(id);
    }

    @Test
    void keepsPushRequestInOutboxUntilARelayRunsAgain() {
        relayScheduler.stop();
        String id;
        try {
            // Committed with no relay running: what a crash right after the commit leaves behind.
            String accepted = e2e.accept("push-crash@example.com");
            id = accepted;
            assertThat(outboxRows(id)).isOne();
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> e2e.shopifyOrdersFor(accepted).isEmpty());
            assertThat(e2e.order(id).get("status").asString()).isEqualTo("PENDING_PUSH");

            // A new relay, as in a restarted instance, knows nothing but the table.
            var fresh =
                    new OutboxRelay(e2e.jdbc(), transactionManager, sqs, queueUrls, properties, MessageTracing.off());
            assertThat(fresh.relayBatch()).isPositive();
        } finally {
            relayScheduler.start();
        }
        assertThat(outboxRows(id)).isZero();
        e2e.awaitStatus(id, "PUSHED");
        assertThat(e2e.shopifyOrdersFor(id)).hasSize(1);
    }

    @Test
    void refusesDeadLetterListForUnknownQueueAndNonAdminKey() {
        var unknown = e2e.call(HttpMethod.GET, "/api/v1/admin/dead-letters?queue=orders", ADMIN_KEY);
        var reader = e2e.call(HttpMethod.GET, "/api/v1/admin/dead-letters?queue=push", READ_KEY);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode deadLetters() {
        var response = e2e.call(HttpMethod.GET, "/api/v1/admin/dead-letters?queue=push&max=100", ADMIN_KEY);
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

    private int outboxRows(String id) {
        return e2e.jdbc()
                .queryForObject("select count(*) from push_outbox where subject_id = ?::uuid", Integer.class, id);
    }

    @Test
    void pushesSkuOnlyLinesAsTheShopsVariantsAndParksAnOrderOfAnUnknownSkuNamingIt() {
        String shop = "sku-strict.myshopify.com";
        long run = System.nanoTime() % 100_000_000L;
        long mug = 7_700_000_000L + run;
        long pen = 7_800_000_000L + run;
        var inventory = e2e.shopify().store().inventory();
        inventory.stock(shop, mug, "gid://shopify/Location/1", 5);
        inventory.catalogue(shop, 1, mug, "MUG-" + run);
        inventory.stock(shop, pen, "gid://shopify/Location/1", 5);
        inventory.catalogue(shop, 2, pen, "PEN-" + run);
        double unresolvedBefore = pushOutcomes("unresolved_sku");

        String pushed = accept(shop, skuLine("MUG-" + run, 2), skuLine("PEN-" + run, 1));
        String unknown = accept(shop, skuLine("MUG-" + run, 1), skuLine("NOPE-" + run, 1));

        e2e.awaitStatus(pushed, "PUSHED");
        assertThat(e2e.shopifyOrdersFor(pushed).getFirst().lineItems())
                .extracting(line -> line.get("variantId"))
                .containsExactly("gid://shopify/ProductVariant/" + mug, "gid://shopify/ProductVariant/" + pen);
        assertThat(inventory.levels(shop, mug).getFirst().available()).isEqualTo(3);
        assertThat(inventory.levels(shop, pen).getFirst().available()).isEqualTo(4);
        JsonNode parked = e2e.awaitStatus(unknown, "PUSH_FAILED");
        assertThat(parked.get("lastError").asString())
                .isEqualTo("SKU not resolved in Shopify: line 2 (SKU NOPE-" + run
                        + "): no variant of the shop has this SKU");
        assertThat(e2e.shopifyOrdersFor(unknown)).isEmpty();
        assertThat(pushOutcomes("unresolved_sku")).isEqualTo(unresolvedBefore + 1);
        assertThat(orders.needingAttention(Duration.ZERO, 10_000))
                .extracting(order -> order.id().toString())
                .contains(unknown);

        // The merchant moves the SKU to a new variant: products/update makes the cached answer go at once.
        long newMug = mug + 1;
        inventory.catalogue(shop, 1, mug, null);
        inventory.catalogue(shop, 1, newMug, "MUG-" + run);
        e2e.shopify()
                .sendWebhook(
                        "products/update",
                        shop,
                        Map.of("id", 1, "variants", List.of(Map.of("id", newMug, "sku", "MUG-" + run))));
        await().atMost(EndToEndFixtures.WAIT)
                .until(() -> e2e.jdbc()
                                .queryForObject(
                                        "select count(*) from webhook_delivery where topic = 'products/update'"
                                                + " and shop_domain = ? and outcome is not null",
                                        Long.class,
                                        shop)
                        > 0);
        String moved = accept(shop, skuLine("MUG-" + run, 1));
        e2e.awaitStatus(moved, "PUSHED");
        assertThat(e2e.shopifyOrdersFor(moved).getFirst().lineItems())
                .extracting(line -> line.get("variantId"))
                .containsExactly("gid://shopify/ProductVariant/" + newMug);
    }

    private String accept(String shop, Map<?, ?>... lines) {
        var request = PushFixtures.orderRequest("ext-" + UUID.randomUUID(), "sku-lines@example.com");
        request.put("shop", shop);
        request.put("lineItems", List.of(lines));
        var response = e2e.call(HttpMethod.POST, "/api/v1/orders", WRITE_KEY, request);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asString();
    }

    private static Map<String, Object> skuLine(String sku, int quantity) {
        return Map.of("sku", sku, "title", "Item " + sku, "quantity", quantity, "unitPrice", "4.50");
    }

    private double pushOutcomes(String outcome) {
        Counter counter =
                meters.find("orderbridge.push.outcome").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
