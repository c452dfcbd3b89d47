package org.orderbridge.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.headers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedFulfillments;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Shared steps of the shipment tests: orders pushed to the simulator, shipments reported, Shopify's side inspected. */
final class ShipmentFixtures {

    static final Duration WAIT = Duration.ofSeconds(60);

    private ShipmentFixtures() {}

    static Map<String, Object> shipment(String shipmentId, String tracking, Map<?, ?>... items) {
        var body = new HashMap<String, Object>();
        body.put("shipmentId", shipmentId);
        body.put("carrier", "UPS");
        body.put("trackingNumbers", List.of(tracking));
        body.put("trackingUrl", "https://track.example.com/" + tracking);
        body.put("notifyCustomer", true);
        if (items.length > 0) {
            body.put("items", List.of(items));
        }
        return body;
    }

    static ResponseEntity<JsonNode> post(TestRestTemplate rest, String orderId, Map<String, Object> body) {
        return rest.exchange(
                "/api/v1/orders/" + orderId + "/shipments",
                HttpMethod.POST,
                new HttpEntity<>(body, headers(PushFixtures.WRITE_KEY)),
                JsonNode.class);
    }

    static JsonNode shipmentOf(TestRestTemplate rest, String orderId, String shipmentId) {
        JsonNode order = PushFixtures.order(rest, orderId);
        for (JsonNode shipment : order.path("shipments")) {
            if (shipment.path("shipmentId").asString().equals(shipmentId)) {
                return shipment;
            }
        }
        throw new AssertionError("order " + orderId + " shows no shipment " + shipmentId + ": " + order);
    }

    static JsonNode awaitShipment(TestRestTemplate rest, String orderId, String shipmentId, String status) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> shipmentOf(rest, orderId, shipmentId)
                        .path("status")
                        .asString()
                        .equals(status));
        return shipmentOf(rest, orderId, shipmentId);
    }

    static String pushedOrder(TestRestTemplate rest, String email, String shop) {
        String id = PushFixtures.accept(rest, email, shop);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        PushFixtures.order(rest, id).path("status").asString().equals("PUSHED"));
        return id;
    }

    static SimulatedOrder inShopify(ShopifySimulator shopify, String orderId) {
        List<SimulatedOrder> orders = PushFixtures.shopifyOrdersFor(shopify, orderId);
        assertThat(orders).hasSize(1);
        return orders.getFirst();
    }

    /** Shopify's fulfillments, not cancelled, that carry the tracking number. */
    static List<SimulatedFulfillments.Fulfillment> fulfillmentsWith(
            ShopifySimulator shopify, SimulatedOrder order, String tracking) {
        return shopify.store().fulfillments().fulfillments(order).stream()
                .filter(f -> f.status().equals("SUCCESS") && f.trackingNumbers().contains(tracking))
                .toList();
    }
}
