package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;
import static org.orderbridge.push.PushFixtures.READ_KEY;
import static org.orderbridge.push.PushFixtures.WRITE_KEY;
import static org.orderbridge.push.PushFixtures.orderRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The intake API end to end; orders that reach Shopify here reach the simulator of EmbeddedServices. */
@OrderBridgeTest
class OrderIntakeApiTest {

    @Autowired
    EndToEndFixtures e2e;

    @Test
    void acceptsOrderWithLocationAndPendingPush() {
        var response = post(orderRequest(externalId(), "intake@example.com"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = response.getBody().get("id").asString();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/orders/" + id);
        assertThat(response.getBody().get("status").asString()).isIn("PENDING_PUSH", "PUSHED");
        assertThat(response.getBody().at("/total/amount").asString()).isEqualTo("39.8");
        assertThat(get(id).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void answersRetryWithSameContentWith200AndTheSameOrder() {
        var request = orderRequest(externalId(), "retry@example.com");
        var first = post(request);
        // The same price written differently is the same order.
        request.put(
                "lineItems",
                List.of(Map.of("sku", "ENGINE-1", "title", "Difference engine", "quantity", 2, "unitPrice", "19.9")));
        var again = post(request);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    }

    @Test
    void createsOneOrderFromConcurrentIdenticalRequests() throws Exception {
        var request = orderRequest(externalId(), "concurrent@example.com");
        List<ResponseEntity<JsonNode>> responses;
        try (var executor = Executors.newFixedThreadPool(6)) {
            var start = new CountDownLatch(1);
            var futures = IntStream.range(0, 6)
                    .mapToObj(i -> executor.submit(() -> {
                        start.await();
                        return post(request);
                    }))
                    .toList();
            start.countDown();
            responses = new java.util.ArrayList<>();
            for (var future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses)
                .extracting(ResponseEntity::getStatusCode)
                .containsOnly(HttpStatus.CREATED, HttpStatus.OK)
                .filteredOn(HttpStatus.CREATED::equals)
                .hasSize(1);
        assertThat(responses)
                .extracting(r -> r.getBody().get("id").asString())
                .containsOnly(responses.getFirst().getBody().get("id").asString());
    }

    @Test
    void storesAndSendsCustomLinesAsShippedAndTaxedUnlessTheRequestSaysOtherwise() {
        var request = orderRequest(externalId(), "custom-lines@example.com");
        request.put(
                "lineItems",
                List.of(
                        Map.of(
                                "sku",
                                "SETUP",
                                "title",
                                "On-site setup",
                                "quantity",
                                1,
                                "unitPrice",
                                "30.00",
                                "requiresShipping",
                                false,
                                "taxable",
                                false),
                        Map.of("sku", "ENGINE-1", "title", "Difference engine", "quantity", 1, "unitPrice", "19.90")));

        String id = post(request).getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("PUSHED"));

        assertThat(e2e.shopifyOrdersFor(id).getFirst().lineItems())
                .extracting(line -> line.get("requiresShipping"), line -> line.get("taxable"))
                .containsExactly(tuple(false, false), tuple(true, true));
        JsonNode stored = get(id).getBody().get("lineItems");
        assertThat(stored.get(0).get("requiresShipping").asBoolean()).isFalse();
        assertThat(stored.get(0).get("taxable").asBoolean()).isFalse();
        assertThat(stored.get(1).hasNonNull("requiresShipping")).isFalse();
    }

    @Test
    void refusesShippingAndTaxSettingsOnAVariantsLine() {
        var request = orderRequest(externalId(), "variant-settings@example.com");
        request.put(
                "lineItems",
                List.of(Map.of(
                        "variantId",
                        4711,
                        "title",
                        "Punched card",
                        "quantity",
                        1,
                        "unitPrice",
                        "5.05",
                        "taxable",
                        false)));

        var response = post(request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsString("field"))
                .containsExactly("lineItems[0].customLineSettingsWithoutVariant");
    }

    @Test
    void refusesSameExternalIdWithDifferentContentWith409() {
        var request = orderRequest(externalId(), "conflict@example.com");
        var first = post(request);
        request.put("note", "a different order");
        var conflicting = post(request);

        assertThat(conflicting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflicting.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(conflicting.getBody().get("existingOrderId"))
                .isEqualTo(first.getBody().get("id"));
    }

    @Test
    void listsEveryFieldErrorOfAnInvalidOrder() {
        var request = orderRequest(externalId(), "not-an-email");
        request.put("currency", "XYZ");
        request.put("shop", "");
        request.put("lineItems", List.of(Map.of("title", "No sku", "quantity", 0, "unitPrice", "12,50")));

        var response = post(request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsString("field"))
                .contains(
                        "customer.email",
                        "currency",
                        "shop",
                        "lineItems[0].quantity",
                        "lineItems[0].unitPrice",
                        "lineItems[0].skuOrVariantId");
    }

    @Test
    void refusesOrderForUnknownShopWith422() {
        var request = orderRequest(externalId(), "unknown-shop@example.com");
        request.put("shop", "not-connected.myshopify.com");

        var response = post(request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(response.getBody().get("detail").asString()).contains("not-connected.myshopify.com");
    }

    @Test
    void refusesBodyThatIsNotJsonWith400() {
        var response = e2e.call(HttpMethod.POST, "/api/v1/orders", WRITE_KEY, "{\"externalId\": ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesBodyAboveOneMegabyteWith413() {
        var request = orderRequest(externalId(), "large@example.com");
        request.put("note", "x".repeat(1_100_000));

        var response = post(request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesOrderFromReadOnlyKey() {
        var response =
                e2e.call(HttpMethod.POST, "/api/v1/orders", READ_KEY, orderRequest(externalId(), "reader@example.com"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void cancelsOrderThatHasNotReachedShopifyAndRefusesOnceItHas() {
        e2e.shopify().faults().forShop(FAULTY_SHOP).nextFor("orderCreate", 1, Fault.userError("Variant is sold out"));
        var refused = orderRequest(externalId(), "cancel-parked@example.com");
        refused.put("shop", FAULTY_SHOP);
        String parked = post(refused).getBody().get("id").asString();
        String pushed = post(orderRequest(externalId(), "cancel@example.com"))
                .getBody()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(pushed).equals("PUSHED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(parked).equals("PUSH_FAILED"));

        // Cancelling it in Shopify takes a reason and a restock decision.
        var cancelled = e2e.call(HttpMethod.POST, "/api/v1/orders/" + pushed + "/cancel", WRITE_KEY);
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cancelled.getBody().get("detail").asString()).contains("reason", "restock");

        var withdrawn = e2e.call(HttpMethod.POST, "/api/v1/orders/" + parked + "/cancel", WRITE_KEY);
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(status(parked)).isEqualTo("CANCELLED");
        assertThat(e2e.shopifyOrdersFor(parked)).isEmpty();
        assertThat(e2e.shopifyOrdersFor(pushed)).hasSize(1);
    }

    @Test
    void cancelsAPushedOrderInShopifyOnceWithRestockThroughALostAnswer() {
        long variant = 8_900_000_000L + System.nanoTime() % 100_000_000L;
        String warehouse = "gid://shopify/Location/1";
        var stock = e2e.shopify().store().inventory();
        stock.stock(PushFixtures.SHOP, variant, warehouse, 5);
        var request = orderRequest(externalId(), "cancel-restock@example.com");
        request.put(
                "lineItems",
                List.of(Map.of(
                        "sku", "KETTLE", "variantId", variant, "title", "Kettle", "quantity", 2, "unitPrice", "30")));
        String id = post(request).getBody().get("id").asString();
        e2e.awaitStatus(id, "PUSHED");
        assertThat(stock.levels(PushFixtures.SHOP, variant))
                .extracting("available")
                .containsExactly(3);
        var restock =
                Map.of("reason", "CUSTOMER", "restock", true, "notifyCustomer", false, "staffNote", "asked by phone");
        // Shopify cancels the order, and its answer is lost on the way back.
        e2e.shopify().faults().forShop(PushFixtures.SHOP).nextFor("orderCancel", 1, Fault.dropAfterCommit());

        var cancel = e2e.call(HttpMethod.POST, "/api/v1/orders/" + id + "/cancel", WRITE_KEY, restock);

        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(cancel.getBody().at("/cancellation/state").asString()).isEqualTo("REQUESTED");
        await().atMost(EndToEndFixtures.WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> e2e.order(id).at("/cancellation/state").asString().equals("DONE"));
        JsonNode done = e2e.order(id);
        assertThat(done.get("status").asString()).isEqualTo("PUSHED");
        assertThat(done.get("cancelledAt").isNull()).isFalse();
        assertThat(done.get("cancelReason").asString()).isEqualTo("customer");
        String gid = done.get("shopifyGid").asString();
        assertThat(e2e.shopify().store().cancelledOrders())
                .filteredOn(gid::equals)
                .hasSize(1);
        assertThat(e2e.shopify().requests())
                .as("the answer to the orderCancel that cancelled it was lost")
                .anyMatch(r -> r.isFor("orderCancel") && r.outcome() == Outcome.INJECTED_DROP_AFTER_COMMIT);
        assertThat(stock.levels(PushFixtures.SHOP, variant))
                .extracting("available", "committed")
                .containsExactly(tuple(5, 0));
        // The same request again is a safe retry, and sends nothing more.
        var again = e2e.call(HttpMethod.POST, "/api/v1/orders/" + id + "/cancel", WRITE_KEY, restock);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(e2e.shopify().store().cancelledOrders())
                .filteredOn(gid::equals)
                .hasSize(1);
    }

    @Test
    void answers404ForCancelOfUnknownOrder() {
        var response = e2e.call(HttpMethod.POST, "/api/v1/orders/" + UUID.randomUUID() + "/cancel", WRITE_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesManualPushFromWriteKey() {
        String id = post(orderRequest(externalId(), "repush-denied@example.com"))
                .getBody()
                .get("id")
                .asString();

        var response = e2e.call(HttpMethod.POST, "/api/v1/orders/" + id + "/push", WRITE_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> post(Object body) {
        return e2e.call(HttpMethod.POST, "/api/v1/orders", WRITE_KEY, body);
    }

    private ResponseEntity<JsonNode> get(String id) {
        return e2e.call(HttpMethod.GET, "/api/v1/orders/" + id, READ_KEY);
    }

    private String status(String id) {
        return get(id).getBody().get("status").asString();
    }

    private static String externalId() {
        return "ext-" + UUID.randomUUID();
    }
}
