package org.orderbridge.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.SimulatedFulfillments;
import org.orderbridge.shopify.simulator.SimulatedOrder;
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

    static ResponseEntity<JsonNode> post(EndToEndFixtures e2e, String orderId, Map<String, Object> body) {
        return e2e.call(HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", PushFixtures.WRITE_KEY, body);
    }

    static JsonNode shipmentOf(EndToEndFixtures e2e, String orderId, String shipmentId) {
        JsonNode order = e2e.order(orderId);
        for (JsonNode shipment : order.path("shipments")) {
            if (shipment.path("shipmentId").asString().equals(shipmentId)) {
                return shipment;
            }
        }
        throw new AssertionError("order " + orderId + " shows no shipment " + shipmentId + ": " + order);
    }

    static JsonNode awaitShipment(EndToEndFixtures e2e, String orderId, String shipmentId, String status) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> shipmentOf(e2e, orderId, shipmentId)
                        .path("status")
                        .asString()
                        .equals(status));
        return shipmentOf(e2e, orderId, shipmentId);
    }

    static String pushedOrder(EndToEndFixtures e2e, String email, String shop) {
        String id = e2e.accept(email, shop);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> e2e.order(id).path("status").asString().equals("PUSHED"));
        return id;
    }

    static SimulatedOrder inShopify(EndToEndFixtures e2e, String orderId) {
        List<SimulatedOrder> orders = e2e.shopifyOrdersFor(orderId);
        assertThat(orders).hasSize(1);
        return orders.getFirst();
    }

    /** Shopify's fulfillments, not cancelled, that carry the tracking number. */
    static List<SimulatedFulfillments.Fulfillment> fulfillmentsWith(
            EndToEndFixtures e2e, SimulatedOrder order, String tracking) {
        return e2e.shopify().store().fulfillments().fulfillments(order).stream()
                .filter(f -> f.status().equals("SUCCESS") && f.trackingNumbers().contains(tracking))
                .toList();
    }
}
