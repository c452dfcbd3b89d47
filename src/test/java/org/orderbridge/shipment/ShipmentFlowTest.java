package org.orderbridge.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;
import static org.orderbridge.push.PushFixtures.SHOP;
import static org.orderbridge.push.PushFixtures.headers;
import static org.orderbridge.shipment.ShipmentFixtures.WAIT;
import static org.orderbridge.shipment.ShipmentFixtures.awaitShipment;
import static org.orderbridge.shipment.ShipmentFixtures.fulfillmentsWith;
import static org.orderbridge.shipment.ShipmentFixtures.inShopify;
import static org.orderbridge.shipment.ShipmentFixtures.post;
import static org.orderbridge.shipment.ShipmentFixtures.pushedOrder;
import static org.orderbridge.shipment.ShipmentFixtures.shipment;
import static org.orderbridge.shipment.ShipmentFixtures.shipmentOf;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedFulfillments;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** From the shipments API through the outbox, the push queue and the worker to Shopify's fulfillments, and back. */
@OrderBridgeTest
class ShipmentFlowTest {

    private static final String LOCATION_2 = "gid://shopify/Location/2";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ShopifySimulator shopify;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void repairShopify() {
        shopify.faults().clear();
    }

    @Test
    void fulfilsEverythingLeftWhenNoItemsAreGiven() {
        String orderId = pushedOrder(rest, "ship-full@example.com", SHOP);

        var created = post(rest, orderId, shipment("full-1", "1Z-FULL-1"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/orders/" + orderId + "/shipments/full-1");
        assertThat(created.getBody().get("status").asString()).isEqualTo("PENDING_PUSH");
        JsonNode fulfilled = awaitShipment(rest, orderId, "full-1", "FULFILLED");
        SimulatedOrder order = inShopify(shopify, orderId);
        assertThat(fulfillmentsWith(shopify, order, "1Z-FULL-1"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.quantities()).containsValue(2);
                    assertThat(f.location()).isEqualTo(SimulatedFulfillments.DEFAULT_LOCATION);
                    assertThat(f.company()).isEqualTo("UPS");
                    assertThat(fulfilled.get("fulfillments"))
                            .singleElement()
                            .satisfies(ours -> assertThat(
                                            ours.get("shopifyFulfillmentId").asLong())
                                    .isEqualTo(f.legacyId()));
                });
    }

    @Test
    void fulfilsPartsBySkuAndLineThenRefusesMoreThanIsLeft() {
        String orderId = pushedOrder(rest, "ship-partial@example.com", SHOP);

        var first = post(rest, orderId, shipment("part-1", "1Z-PART-1", Map.of("sku", "ENGINE-1", "quantity", 1)));
        var second = post(rest, orderId, shipment("part-2", "1Z-PART-2", Map.of("lineItem", 1, "quantity", 1)));
        var third = post(rest, orderId, shipment("part-3", "1Z-PART-3", Map.of("sku", "ENGINE-1", "quantity", 1)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(third.getBody().get("items").toString())
                .contains("SKU ENGINE-1")
                .contains("\"remaining\":0");
        awaitShipment(rest, orderId, "part-1", "FULFILLED");
        awaitShipment(rest, orderId, "part-2", "FULFILLED");
        SimulatedOrder order = inShopify(shopify, orderId);
        assertThat(fulfillmentsWith(shopify, order, "1Z-PART-1"))
                .singleElement()
                .satisfies(f -> assertThat(f.quantities()).containsValue(1));
        assertThat(fulfillmentsWith(shopify, order, "1Z-PART-2")).hasSize(1);
    }

    @Test
    void createsOneFulfillmentPerLocationForASplitOrder() {
        String orderId = pushedOrder(rest, "ship-split@example.com", SHOP);
        SimulatedOrder order = inShopify(shopify, orderId);
        shopify.store().fulfillments().assign(order, 0, 1, LOCATION_2);

        post(rest, orderId, shipment("split-1", "1Z-SPLIT-1"));

        JsonNode fulfilled = awaitShipment(rest, orderId, "split-1", "FULFILLED");
        assertThat(fulfillmentsWith(shopify, order, "1Z-SPLIT-1"))
                .extracting(SimulatedFulfillments.Fulfillment::location)
                .containsExactlyInAnyOrder(SimulatedFulfillments.DEFAULT_LOCATION, LOCATION_2);
        assertThat(fulfilled.get("fulfillments")).hasSize(2);
    }

    @Test
    void answersARetryWithTheShipmentAndRefusesOtherContentUnderItsId() {
        String orderId = pushedOrder(rest, "ship-retry@example.com", SHOP);
        var body = shipment("retry-1", "1Z-RETRY-1", Map.of("sku", "ENGINE-1", "quantity", 1));

        var first = post(rest, orderId, body);
        var again = post(rest, orderId, body);
        var other = post(rest, orderId, shipment("retry-1", "1Z-RETRY-2", Map.of("sku", "ENGINE-1", "quantity", 1)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asString())
                .isEqualTo(first.getBody().get("id").asString());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void refusesUnknownSkusListingThem() {
        String orderId = pushedOrder(rest, "ship-unknown@example.com", SHOP);

        var response = post(
                rest,
                orderId,
                shipment(
                        "unknown-1",
                        "1Z-UNKNOWN-1",
                        Map.of("sku", "NOPE-1", "quantity", 1),
                        Map.of("sku", "NOPE-2", "quantity", 1),
                        Map.of("lineItem", 9, "quantity", 1)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("unknownItems").toString())
                .contains("SKU NOPE-1", "SKU NOPE-2", "line item 9");
    }

    @Test
    void refusesAShipmentOfACancelledOrder() {
        shopify.faults().forShop(FAULTY_SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        String orderId = PushFixtures.accept(rest, "ship-cancelled@example.com", FAULTY_SHOP);
        var cancel = rest.exchange(
                "/api/v1/orders/" + orderId + "/cancel",
                HttpMethod.POST,
                new HttpEntity<>(headers(PushFixtures.WRITE_KEY)),
                JsonNode.class);
        assertThat(cancel.getStatusCode().is2xxSuccessful()).isTrue();

        var response = post(rest, orderId, shipment("cancelled-1", "1Z-CANCELLED-1"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asString()).contains("cancelled");
    }

    @Test
    void holdsAShipmentUntilItsOrderIsInShopify() {
        shopify.faults().forShop(FAULTY_SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        String orderId = PushFixtures.accept(rest, "ship-held@example.com", FAULTY_SHOP);

        var response = post(rest, orderId, shipment("held-1", "1Z-HELD-1"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(WAIT)
                .until(() -> shipmentOf(rest, orderId, "held-1")
                        .path("awaitingOrder")
                        .asBoolean());
        shopify.faults().clear();
        rest.exchange(
                "/api/v1/orders/" + orderId + "/push",
                HttpMethod.POST,
                new HttpEntity<>(headers(PushFixtures.ADMIN_KEY)),
                JsonNode.class);
        awaitShipment(rest, orderId, "held-1", "FULFILLED");
        assertThat(fulfillmentsWith(shopify, inShopify(shopify, orderId), "1Z-HELD-1"))
                .hasSize(1);
    }

    @Test
    void failsWithTheReasonWhenShopifyHoldsTheFulfillmentOrder() {
        String orderId = pushedOrder(rest, "ship-on-hold@example.com", SHOP);
        SimulatedOrder order = inShopify(shopify, orderId);
        shopify.store().fulfillments().hold(order, SimulatedFulfillments.DEFAULT_LOCATION, "awaiting payment");

        post(rest, orderId, shipment("hold-1", "1Z-HOLD-1"));

        JsonNode failed = awaitShipment(rest, orderId, "hold-1", "FAILED");
        assertThat(failed.get("failureReason").asString()).contains("ON_HOLD").contains("awaiting payment");
        assertThat(shopify.store().fulfillments().fulfillments(order)).isEmpty();
    }

    @Test
    void failsNamingTheLimitWhenTheOrderHasMoreFulfillmentsThanOneReadHolds() {
        String orderId = pushedOrder(rest, "ship-many@example.com", SHOP);
        SimulatedOrder order = inShopify(shopify, orderId);
        // Ten fulfillments made elsewhere: a full page, so an earlier create of ours could hide behind it.
        for (int i = 0; i < 10; i++) {
            shopify.store().fulfillments().fulfilInAdmin(order, "gid://shopify/Location/9", "ELSEWHERE-" + i);
        }

        post(rest, orderId, shipment("many-1", "1Z-MANY-1"));

        JsonNode failed = awaitShipment(rest, orderId, "many-1", "FAILED");
        assertThat(failed.get("failureReason").asString()).contains(order.gid()).contains("10 or more fulfillments");
        assertThat(fulfillmentsWith(shopify, order, "1Z-MANY-1")).isEmpty();
    }

    @Test
    void updatesTrackingAndCancelsInShopify() {
        String orderId = pushedOrder(rest, "ship-tracking@example.com", SHOP);
        post(rest, orderId, shipment("track-1", "1Z-TRACK-1"));
        awaitShipment(rest, orderId, "track-1", "FULFILLED");
        SimulatedOrder order = inShopify(shopify, orderId);

        var update = rest.exchange(
                "/api/v1/orders/" + orderId + "/shipments/track-1/tracking",
                HttpMethod.PUT,
                new HttpEntity<>(
                        Map.of("carrier", "DHL", "trackingNumbers", List.of("DHL-TRACK-1")),
                        headers(PushFixtures.WRITE_KEY)),
                JsonNode.class);

        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(WAIT)
                .until(() -> fulfillmentsWith(shopify, order, "DHL-TRACK-1").size() == 1);
        assertThat(fulfillmentsWith(shopify, order, "DHL-TRACK-1").getFirst().company())
                .isEqualTo("DHL");

        var cancel = rest.exchange(
                "/api/v1/orders/" + orderId + "/shipments/track-1/cancel",
                HttpMethod.POST,
                new HttpEntity<>(headers(PushFixtures.WRITE_KEY)),
                JsonNode.class);

        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitShipment(rest, orderId, "track-1", "CANCELLED");
        assertThat(shopify.store().fulfillments().fulfillments(order))
                .extracting(SimulatedFulfillments.Fulfillment::status)
                .containsOnly("CANCELLED");
        // What was cancelled is left to fulfil again.
        assertThat(post(rest, orderId, shipment("track-2", "1Z-TRACK-2")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        awaitShipment(rest, orderId, "track-2", "FULFILLED");
    }

    @Test
    void linksFulfillmentsWebhooksToTheShipmentAndRecordsOnesMadeInTheAdmin() {
        String orderId = pushedOrder(rest, "ship-webhook@example.com", SHOP);
        SimulatedOrder order = inShopify(shopify, orderId);
        shopify.store().fulfillments().assign(order, 0, 1, LOCATION_2);
        post(rest, orderId, shipment("hook-1", "1Z-HOOK-1", Map.of("sku", "ENGINE-1", "quantity", 1)));
        awaitShipment(rest, orderId, "hook-1", "FULFILLED");
        var ours = fulfillmentsWith(shopify, order, "1Z-HOOK-1").getFirst();

        // Shopify reports the carrier's progress on our fulfillment...
        var delivered = new java.util.HashMap<String, Object>(Map.of(
                "id", ours.legacyId(),
                "order_id", order.legacyId(),
                "status", "success",
                "shipment_status", "delivered",
                "tracking_numbers", List.of("1Z-HOOK-1"),
                "updated_at", java.time.Instant.now().plusSeconds(5).toString()));
        shopify.sendWebhook("fulfillments/update", SHOP, delivered);
        // ...and a person fulfils the rest by hand in the admin.
        String location = ours.location().equals(LOCATION_2) ? SimulatedFulfillments.DEFAULT_LOCATION : LOCATION_2;
        var manual = shopify.store().fulfillments().fulfilInAdmin(order, location, "BY-HAND-1");
        var manualPayload = new java.util.HashMap<String, Object>(Map.of(
                "id", manual.legacyId(),
                "order_id", order.legacyId(),
                "status", "success",
                "tracking_numbers", List.of("BY-HAND-1"),
                "updated_at", java.time.Instant.now().toString()));
        shopify.sendWebhook("fulfillments/create", SHOP, manualPayload);

        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(shipmentOf(rest, orderId, "hook-1")
                                .path("deliveryStatus")
                                .asString()));
        await().atMost(WAIT).until(() -> "outside".equals(origin(manual.legacyId())));
        assertThat(origin(ours.legacyId())).isEqualTo("orderbridge");
        assertThat(shipmentOf(rest, orderId, "hook-1").get("fulfillments")).hasSize(1);
    }

    @Test
    void shipmentWhoseFulfillmentIsCancelledInTheAdminFailsAndItsItemsCanShipAgain() {
        String orderId = pushedOrder(rest, "ship-admin-cancel@example.com", SHOP);
        SimulatedOrder order = inShopify(shopify, orderId);
        post(rest, orderId, shipment("admin-cancel-1", "1Z-ADMIN-CANCEL-1"));
        awaitShipment(rest, orderId, "admin-cancel-1", "FULFILLED");
        var ours = fulfillmentsWith(shopify, order, "1Z-ADMIN-CANCEL-1").getFirst();

        var cancelled = shopify.store().fulfillments().cancelInAdmin(SHOP, ours.gid());
        shopify.sendWebhook("fulfillments/update", SHOP, new java.util.HashMap<>(cancelled));

        awaitShipment(rest, orderId, "admin-cancel-1", "FAILED");
        assertThat(shipmentOf(rest, orderId, "admin-cancel-1")
                        .path("failureReason")
                        .asString())
                .contains("cancelled in Shopify, outside OrderBridge");
        assertThat(post(rest, orderId, shipment("admin-cancel-2", "1Z-ADMIN-CANCEL-2"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        awaitShipment(rest, orderId, "admin-cancel-2", "FULFILLED");
    }

    @Test
    void fulfilsAnOrderThatCameFromAShopifyWebhook() {
        SimulatedOrder order = shopify.store()
                .createOrderInAdmin(
                        SHOP,
                        Map.of(
                                "email",
                                "ship-from-shopify@example.com",
                                "currency",
                                "GBP",
                                "lineItems",
                                List.of(
                                        Map.of("sku", "BOOK-1", "title", "A book", "quantity", 1),
                                        Map.of("sku", "PEN-1", "title", "A pen", "quantity", 3))));
        shopify.sendOrderCreated(order);
        await().atMost(WAIT).until(() -> orderIdOf(order.legacyId()) != null);
        String orderId = orderIdOf(order.legacyId());

        post(rest, orderId, shipment("shopify-1", "1Z-SHOPIFY-1", Map.of("sku", "PEN-1", "quantity", 2)));

        awaitShipment(rest, orderId, "shopify-1", "FULFILLED");
        assertThat(fulfillmentsWith(shopify, order, "1Z-SHOPIFY-1"))
                .singleElement()
                .satisfies(f -> assertThat(f.quantities())
                        .containsExactly(Map.entry(SimulatedFulfillments.lineItemGid(order, 1), 2)));
    }

    private String origin(long fulfillmentId) {
        return jdbc
                .query(
                        "select origin from order_fulfillment where shopify_fulfillment_id = ?",
                        (rs, n) -> rs.getString(1),
                        fulfillmentId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String orderIdOf(long shopifyOrderId) {
        return jdbc
                .query(
                        "select id::text from shop_order where shopify_order_id = ?",
                        (rs, n) -> rs.getString(1),
                        shopifyOrderId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    static Duration unused() {
        return Duration.ZERO;
    }
}
