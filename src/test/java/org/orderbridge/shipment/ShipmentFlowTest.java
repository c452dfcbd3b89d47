package org.orderbridge.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;
import static org.orderbridge.push.PushFixtures.SHOP;
import static org.orderbridge.shipment.ShipmentFixtures.WAIT;
import static org.orderbridge.shipment.ShipmentFixtures.awaitShipment;
import static org.orderbridge.shipment.ShipmentFixtures.fulfillmentsWith;
import static org.orderbridge.shipment.ShipmentFixtures.inShopify;
import static org.orderbridge.shipment.ShipmentFixtures.post;
import static org.orderbridge.shipment.ShipmentFixtures.pushedOrder;
import static org.orderbridge.shipment.ShipmentFixtures.shipment;
import static org.orderbridge.shipment.ShipmentFixtures.shipmentOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.SimulatedFulfillments;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** From the shipments API through the outbox, the push queue and the worker to Shopify's fulfillments, and back. */
@OrderBridgeTest
class ShipmentFlowTest {

    private static final String LOCATION_2 = "gid://shopify/Location/2";

    @Autowired
    EndToEndFixtures e2e;

    @Test
    void fulfilsEverythingLeftWhenNoItemsAreGiven() {
        String orderId = pushedOrder(e2e, "ship-full@example.com", SHOP);

        var created = post(e2e, orderId, shipment("full-1", "1Z-FULL-1"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/orders/" + orderId + "/shipments/full-1");
        assertThat(created.getBody().get("status").asString()).isEqualTo("PENDING_PUSH");
        JsonNode fulfilled = awaitShipment(e2e, orderId, "full-1", "FULFILLED");
        SimulatedOrder order = inShopify(e2e, orderId);
        assertThat(fulfillmentsWith(e2e, order, "1Z-FULL-1")).singleElement().satisfies(f -> {
            assertThat(f.quantities()).containsValue(2);
            assertThat(f.location()).isEqualTo(SimulatedFulfillments.DEFAULT_LOCATION);
            assertThat(f.company()).isEqualTo("UPS");
            assertThat(fulfilled.get("fulfillments"))
                    .singleElement()
                    .satisfies(
                            ours -> assertThat(ours.get("shopifyFulfillmentId").asLong())
                                    .isEqualTo(f.legacyId()));
        });
    }

    @Test
    void fulfilsPartsBySkuAndLineThenRefusesMoreThanIsLeft() {
        String orderId = pushedOrder(e2e, "ship-partial@example.com", SHOP);

        var first = post(e2e, orderId, shipment("part-1", "1Z-PART-1", Map.of("sku", "ENGINE-1", "quantity", 1)));
        var second = post(e2e, orderId, shipment("part-2", "1Z-PART-2", Map.of("lineItem", 1, "quantity", 1)));
        var third = post(e2e, orderId, shipment("part-3", "1Z-PART-3", Map.of("sku", "ENGINE-1", "quantity", 1)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(third.getBody().get("items").toString())
                .contains("SKU ENGINE-1")
                .contains("\"remaining\":0");
        awaitShipment(e2e, orderId, "part-1", "FULFILLED");
        awaitShipment(e2e, orderId, "part-2", "FULFILLED");
        SimulatedOrder order = inShopify(e2e, orderId);
        assertThat(fulfillmentsWith(e2e, order, "1Z-PART-1"))
                .singleElement()
                .satisfies(f -> assertThat(f.quantities()).containsValue(1));
        assertThat(fulfillmentsWith(e2e, order, "1Z-PART-2")).hasSize(1);
    }

    @Test
    void createsOneFulfillmentPerLocationForASplitOrder() {
        String orderId = pushedOrder(e2e, "ship-split@example.com", SHOP);
        SimulatedOrder order = inShopify(e2e, orderId);
        e2e.shopify().store().fulfillments().assign(order, 0, 1, LOCATION_2);

        post(e2e, orderId, shipment("split-1", "1Z-SPLIT-1"));

        JsonNode fulfilled = awaitShipment(e2e, orderId, "split-1", "FULFILLED");
        assertThat(fulfillmentsWith(e2e, order, "1Z-SPLIT-1"))
                .extracting(SimulatedFulfillments.Fulfillment::location)
                .containsExactlyInAnyOrder(SimulatedFulfillments.DEFAULT_LOCATION, LOCATION_2);
        assertThat(fulfilled.get("fulfillments")).hasSize(2);
    }

    @Test
    void answersARetryWithTheShipmentAndRefusesOtherContentUnderItsId() {
        String orderId = pushedOrder(e2e, "ship-retry@example.com", SHOP);
        var body = shipment("retry-1", "1Z-RETRY-1", Map.of("sku", "ENGINE-1", "quantity", 1));

        var first = post(e2e, orderId, body);
        var again = post(e2e, orderId, body);
        var other = post(e2e, orderId, shipment("retry-1", "1Z-RETRY-2", Map.of("sku", "ENGINE-1", "quantity", 1)));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asString())
                .isEqualTo(first.getBody().get("id").asString());
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void refusesUnknownSkusListingThem() {
        String orderId = pushedOrder(e2e, "ship-unknown@example.com", SHOP);

        var response = post(
                e2e,
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
        e2e.shopify().faults().forShop(FAULTY_SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        String orderId = e2e.accept("ship-cancelled@example.com", FAULTY_SHOP);
        var cancel = e2e.call(HttpMethod.POST, "/api/v1/orders/" + orderId + "/cancel", PushFixtures.WRITE_KEY);
        assertThat(cancel.getStatusCode().is2xxSuccessful()).isTrue();

        var response = post(e2e, orderId, shipment("cancelled-1", "1Z-CANCELLED-1"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asString()).contains("cancelled");
    }

    @Test
    void holdsAShipmentUntilItsOrderIsInShopify() {
        e2e.shopify().faults().forShop(FAULTY_SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        String orderId = e2e.accept("ship-held@example.com", FAULTY_SHOP);

        var response = post(e2e, orderId, shipment("held-1", "1Z-HELD-1"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(WAIT)
                .until(() ->
                        shipmentOf(e2e, orderId, "held-1").path("awaitingOrder").asBoolean());
        e2e.shopify().faults().clear();
        e2e.call(HttpMethod.POST, "/api/v1/orders/" + orderId + "/push", PushFixtures.ADMIN_KEY);
        awaitShipment(e2e, orderId, "held-1", "FULFILLED");
        assertThat(fulfillmentsWith(e2e, inShopify(e2e, orderId), "1Z-HELD-1")).hasSize(1);
    }

    @Test
    void waitsHeldWhileShopifyHoldsTheItemsAndShipsByItselfOnceTheHoldIsReleased() {
        String orderId = pushedOrder(e2e, "ship-on-hold@example.com", SHOP);
        SimulatedOrder order = inShopify(e2e, orderId);
        e2e.shopify().store().fulfillments().hold(order, SimulatedFulfillments.DEFAULT_LOCATION, "awaiting payment");

        post(e2e, orderId, shipment("hold-1", "1Z-HOLD-1"));

        JsonNode held = awaitShipment(e2e, orderId, "hold-1", "HELD");
        assertThat(held.get("holdReason").asString()).contains("ON_HOLD").contains("awaiting payment");
        assertThat(e2e.shopify().store().fulfillments().fulfillments(order)).isEmpty();
        // The merchant's hold is theirs to release, not the operator's through OrderBridge.
        var release = e2e.call(
                HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments/hold-1/release", PushFixtures.ADMIN_KEY);
        assertThat(release.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(release.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(release.getBody().get("detail").asString()).contains("held by the merchant");

        e2e.shopify().store().fulfillments().releaseInAdmin(order, SimulatedFulfillments.DEFAULT_LOCATION);
        e2e.shopify()
                .sendWebhook(
                        "fulfillment_orders/hold_released",
                        SHOP,
                        new java.util.HashMap<>(Map.of(
                                "fulfillment_order",
                                Map.of("id", "gid://shopify/FulfillmentOrder/1", "status", "open"))));

        awaitShipment(e2e, orderId, "hold-1", "FULFILLED");
        await().atMost(WAIT)
                .until(() -> e2e.jdbc()
                        .query(
                                "select outcome from webhook_delivery where topic = 'fulfillment_orders/hold_released'",
                                (rs, n) -> rs.getString(1))
                        .contains("RECORDED"));
        assertThat(fulfillmentsWith(e2e, order, "1Z-HOLD-1")).hasSize(1);
    }

    @Test
    void shipsWhatIsLeftAfterAFulfillmentMadeByHandAndShowsWhatRemains() {
        String orderId = pushedOrder(e2e, "ship-by-hand@example.com", SHOP);
        SimulatedOrder order = inShopify(e2e, orderId);
        e2e.shopify().store().fulfillments().assign(order, 0, 1, LOCATION_2);
        e2e.shopify().store().fulfillments().fulfilInAdmin(order, LOCATION_2, "BY-HAND-LEFT-1");

        post(e2e, orderId, shipment("left-1", "1Z-LEFT-1"));

        JsonNode shipped = awaitShipment(e2e, orderId, "left-1", "FULFILLED");
        assertThat(shipped.get("items"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("quantity").asInt()).isEqualTo(1));
        assertThat(fulfillmentsWith(e2e, order, "1Z-LEFT-1"))
                .singleElement()
                .satisfies(f -> assertThat(f.quantities()).containsValue(1));
        assertThat(e2e.order(orderId).get("leftToShip"))
                .singleElement()
                .satisfies(line -> assertThat(line.get("quantity").asInt()).isZero());
        var more = post(e2e, orderId, shipment("left-2", "1Z-LEFT-2"));
        assertThat(more.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void readsWhatIsLeftAgainWhenShopifySaysItemsMovedOrWereEditedOrRefundedAway() {
        String edited = pushedOrder(e2e, "left-edited@example.com", SHOP);
        String refunded = pushedOrder(e2e, "left-refunded@example.com", SHOP);
        SimulatedOrder editedInShopify = inShopify(e2e, edited);
        post(e2e, edited, shipment("left-edit-1", "1Z-LEFT-EDIT-1", Map.of("sku", "ENGINE-1", "quantity", 1)));
        post(e2e, refunded, shipment("left-refund-1", "1Z-LEFT-REFUND-1", Map.of("sku", "ENGINE-1", "quantity", 1)));
        awaitShipment(e2e, edited, "left-edit-1", "FULFILLED");
        awaitShipment(e2e, refunded, "left-refund-1", "FULFILLED");
        JsonNode before = leftOf(edited);
        assertThat(before.get("quantity").asInt()).isEqualTo(1);

        e2e.shopify().moveUnfulfilled(editedInShopify, 0, 1, LOCATION_2);

        // fulfillment_orders/moved names fulfillment orders only; the order is found by those it last read.
        await().atMost(WAIT)
                .until(() -> !leftOf(edited)
                        .get("readAt")
                        .asString()
                        .equals(before.get("readAt").asString()));
        assertThat(leftOf(edited).get("quantity").asInt()).isEqualTo(1);
        assertThat(leftOf(edited).get("stale").asBoolean()).isFalse();

        e2e.shopify().editRemovingUnfulfilled(editedInShopify, 0, 1);
        e2e.shopify().refundUnfulfilled(inShopify(e2e, refunded), 0, 1);

        await().atMost(WAIT).until(() -> leftOf(edited).get("quantity").asInt() == 0);
        await().atMost(WAIT).until(() -> leftOf(refunded).get("quantity").asInt() == 0);
        var more = post(e2e, refunded, shipment("left-refund-2", "1Z-LEFT-REFUND-2"));
        assertThat(more.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private JsonNode leftOf(String orderId) {
        return e2e.order(orderId).get("leftToShip").get(0);
    }

    @Test
    void movesTheItemsToTheWarehouseTheShipmentLeftFromAndRefusesAnUnknownOne() {
        String orderId = pushedOrder(e2e, "ship-from-north@example.com", SHOP);
        SimulatedOrder order = inShopify(e2e, orderId);
        var unknown = shipment("north-0", "1Z-NORTH-0");
        unknown.put("location", "WH-NOWHERE");
        var fromNorth = shipment("north-1", "1Z-NORTH-1");
        fromNorth.put("location", "WH-NORTH");

        var refused = post(e2e, orderId, unknown);
        post(e2e, orderId, fromNorth);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("detail").asString()).contains("No location WH-NOWHERE");
        JsonNode shipped = awaitShipment(e2e, orderId, "north-1", "FULFILLED");
        assertThat(shipped.get("location").asString()).isEqualTo(LOCATION_2);
        assertThat(fulfillmentsWith(e2e, order, "1Z-NORTH-1"))
                .singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo(LOCATION_2));
    }

    @Test
    void updatesTrackingAndCancelsInShopify() {
        String orderId = pushedOrder(e2e, "ship-tracking@example.com", SHOP);
        post(e2e, orderId, shipment("track-1", "1Z-TRACK-1"));
        awaitShipment(e2e, orderId, "track-1", "FULFILLED");
        SimulatedOrder order = inShopify(e2e, orderId);

        var update = e2e.call(
                HttpMethod.PUT,
                "/api/v1/orders/" + orderId + "/shipments/track-1/tracking",
                PushFixtures.WRITE_KEY,
                Map.of("carrier", "DHL", "trackingNumbers", List.of("DHL-TRACK-1")));

        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(WAIT)
                .until(() -> fulfillmentsWith(e2e, order, "DHL-TRACK-1").size() == 1);
        assertThat(fulfillmentsWith(e2e, order, "DHL-TRACK-1").getFirst().company())
                .isEqualTo("DHL");

        var cancel = e2e.call(
                HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments/track-1/cancel", PushFixtures.WRITE_KEY);

        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitShipment(e2e, orderId, "track-1", "CANCELLED");
        assertThat(e2e.shopify().store().fulfillments().fulfillments(order))
                .extracting(SimulatedFulfillments.Fulfillment::status)
                .containsOnly("CANCELLED");
        // What was cancelled is left to fulfil again.
        assertThat(post(e2e, orderId, shipment("track-2", "1Z-TRACK-2")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        awaitShipment(e2e, orderId, "track-2", "FULFILLED");
    }

    @Test
    void linksFulfillmentsWebhooksToTheShipmentAndRecordsOnesMadeInTheAdmin() {
        String orderId = pushedOrder(e2e, "ship-webhook@example.com", SHOP);
        SimulatedOrder order = inShopify(e2e, orderId);
        e2e.shopify().store().fulfillments().assign(order, 0, 1, LOCATION_2);
        post(e2e, orderId, shipment("hook-1", "1Z-HOOK-1", Map.of("sku", "ENGINE-1", "quantity", 1)));
        awaitShipment(e2e, orderId, "hook-1", "FULFILLED");
        var ours = fulfillmentsWith(e2e, order, "1Z-HOOK-1").getFirst();

        // Shopify reports the carrier's progress on our fulfillment...
        var delivered = new java.util.HashMap<String, Object>(Map.of(
                "id", ours.legacyId(),
                "order_id", order.legacyId(),
                "status", "success",
                "shipment_status", "delivered",
                "tracking_numbers", List.of("1Z-HOOK-1"),
                "updated_at", java.time.Instant.now().plusSeconds(5).toString()));
        e2e.shopify().sendWebhook("fulfillments/update", SHOP, delivered);
        // ...and a person fulfils the rest by hand in the admin.
        String location = ours.location().equals(LOCATION_2) ? SimulatedFulfillments.DEFAULT_LOCATION : LOCATION_2;
        var manual = e2e.shopify().store().fulfillments().fulfilInAdmin(order, location, "BY-HAND-1");
        var manualPayload = new java.util.HashMap<String, Object>(Map.of(
                "id", manual.legacyId(),
                "order_id", order.legacyId(),
                "status", "success",
                "tracking_numbers", List.of("BY-HAND-1"),
                "updated_at", java.time.Instant.now().toString()));
        e2e.shopify().sendWebhook("fulfillments/create", SHOP, manualPayload);

        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(shipmentOf(e2e, orderId, "hook-1")
                                .path("deliveryStatus")
                                .asString()));
        await().atMost(WAIT).until(() -> "outside".equals(origin(manual.legacyId())));
        assertThat(origin(ours.legacyId())).isEqualTo("orderbridge");
        assertThat(shipmentOf(e2e, orderId, "hook-1").get("fulfillments")).hasSize(1);
    }

    @Test
    void shipmentWhoseFulfillmentIsCancelledInTheAdminFailsAndItsItemsCanShipAgain() {
        String orderId = pushedOrder(e2e, "ship-admin-cancel@example.com", SHOP);
        SimulatedOrder order = inShopify(e2e, orderId);
        post(e2e, orderId, shipment("admin-cancel-1", "1Z-ADMIN-CANCEL-1"));
        awaitShipment(e2e, orderId, "admin-cancel-1", "FULFILLED");
        var ours = fulfillmentsWith(e2e, order, "1Z-ADMIN-CANCEL-1").getFirst();

        var cancelled = e2e.shopify().store().fulfillments().cancelInAdmin(SHOP, ours.gid());
        e2e.shopify().sendWebhook("fulfillments/update", SHOP, new java.util.HashMap<>(cancelled));

        awaitShipment(e2e, orderId, "admin-cancel-1", "FAILED");
        assertThat(shipmentOf(e2e, orderId, "admin-cancel-1")
                        .path("failureReason")
                        .asString())
                .contains("cancelled in Shopify, outside OrderBridge");
        assertThat(post(e2e, orderId, shipment("admin-cancel-2", "1Z-ADMIN-CANCEL-2"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        awaitShipment(e2e, orderId, "admin-cancel-2", "FULFILLED");
    }

    @Test
    void fulfilsAnOrderThatCameFromAShopifyWebhook() {
        SimulatedOrder order = e2e.shopify()
                .store()
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
        e2e.shopify().sendOrderCreated(order);
        await().atMost(WAIT).until(() -> orderIdOf(order.legacyId()) != null);
        String orderId = orderIdOf(order.legacyId());

        post(e2e, orderId, shipment("shopify-1", "1Z-SHOPIFY-1", Map.of("sku", "PEN-1", "quantity", 2)));

        awaitShipment(e2e, orderId, "shopify-1", "FULFILLED");
        assertThat(fulfillmentsWith(e2e, order, "1Z-SHOPIFY-1"))
                .singleElement()
                .satisfies(f -> assertThat(f.quantities())
                        .containsExactly(Map.entry(SimulatedFulfillments.lineItemGid(order, 1), 2)));
    }

    private String origin(long fulfillmentId) {
        return e2e
                .jdbc()
                .query(
                        "select origin from order_fulfillment where shopify_fulfillment_id = ?",
                        (rs, n) -> rs.getString(1),
                        fulfillmentId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String orderIdOf(long shopifyOrderId) {
        return e2e
                .jdbc()
                .query(
                        "select id::text from shop_order where shopify_order_id = ?",
                        (rs, n) -> rs.getString(1),
                        shopifyOrderId)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
