package org.orderbridge.fulfillmentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.SimulatedFulfillments.FulfillmentOrderView;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Shared steps of the fulfillment-service tests, for the shop that runs OrderBridge as its fulfillment service
 * (threepl, configured in the local profile): orders pushed and routed to the service's location, the merchant's
 * requests submitted in the simulator, answered through the API, and shipments reported.
 */
final class FulfillmentServiceFixtures {

    static final String SHOP = "threepl.myshopify.com";
    static final Duration WAIT = Duration.ofSeconds(60);

    private final EndToEndFixtures e2e;
    private final String location;

    private FulfillmentServiceFixtures(EndToEndFixtures e2e, String location) {
        this.e2e = e2e;
        this.location = location;
    }

    /** Waits for the service's registration at start and routes the shop's new orders to its location. */
    static FulfillmentServiceFixtures registered(EndToEndFixtures e2e, FulfillmentServiceRegistrations registrations) {
        await().atMost(WAIT).until(() -> registrations.location(SHOP).isPresent());
        String location = registrations.location(SHOP).orElseThrow();
        assertThat(e2e.shopify().store().fulfillmentServices().services(SHOP))
                .singleElement()
                .satisfies(s -> assertThat(s.locationGid()).isEqualTo(location));
        e2e.shopify().store().fulfillments().routeNewOrdersTo(SHOP, location);
        return new FulfillmentServiceFixtures(e2e, location);
    }

    String location() {
        return location;
    }

    String pushedOrder(String email) {
        String id = e2e.accept(email, SHOP);
        e2e.awaitStatus(id, "PUSHED");
        return id;
    }

    SimulatedOrder inShopify(String orderId) {
        return e2e.shopifyOrdersFor(orderId).getFirst();
    }

    /** The order's displayable fulfillment orders at the service's location. */
    List<FulfillmentOrderView> atService(String orderId) {
        return e2e.shopify().store().fulfillments().fulfillmentOrderViews(inShopify(orderId)).stream()
                .filter(FulfillmentOrderView::displayable)
                .filter(v -> v.location().equals(location))
                .toList();
    }

    FulfillmentOrderView foView(String orderId) {
        return atService(orderId).getFirst();
    }

    String fulfillmentOrder(String orderId) {
        return foView(orderId).gid();
    }

    FulfillmentOrderView view(String orderId, String fulfillmentOrderGid) {
        return e2e.shopify().store().fulfillments().fulfillmentOrderViews(inShopify(orderId)).stream()
                .filter(v -> v.gid().equals(fulfillmentOrderGid))
                .findFirst()
                .orElseThrow();
    }

    /** The merchant requests fulfillment; the request is accepted through the API and Shopify told. */
    String acceptedRequest(String fulfillmentOrderGid) {
        e2e.shopify().submitFulfillmentRequest(SHOP, fulfillmentOrderGid, null);
        String id = awaitRequest(fulfillmentOrderGid).path("id").asString();
        assertThat(answer(id, "accept", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitAnswer(id, "SENT");
        return id;
    }

    ResponseEntity<JsonNode> answer(String id, String verb, Map<String, Object> body) {
        return e2e.call(
                HttpMethod.POST, "/api/v1/fulfillment-requests/" + id + "/" + verb, PushFixtures.ADMIN_KEY, body);
    }

    List<JsonNode> requests() {
        JsonNode list = e2e.call(HttpMethod.GET, "/api/v1/fulfillment-requests?shop=" + SHOP, PushFixtures.ADMIN_KEY)
                .getBody();
        var all = new ArrayList<JsonNode>();
        list.forEach(all::add);
        return all;
    }

    JsonNode requestOf(String fulfillmentOrderGid) {
        return requests().stream()
                .filter(r -> r.path("fulfillmentOrderId").asString().equals(fulfillmentOrderGid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request for " + fulfillmentOrderGid));
    }

    JsonNode awaitRequest(String fulfillmentOrderGid) {
        await().atMost(WAIT)
                .until(() -> requests().stream()
                        .anyMatch(r -> r.path("fulfillmentOrderId").asString().equals(fulfillmentOrderGid)));
        return requestOf(fulfillmentOrderGid);
    }

    JsonNode awaitAnswer(String id, String answer) {
        await().atMost(WAIT).until(() -> request(id).path("answer").asString().equals(answer));
        return request(id);
    }

    JsonNode request(String id) {
        return e2e.call(HttpMethod.GET, "/api/v1/fulfillment-requests/" + id, PushFixtures.ADMIN_KEY)
                .getBody();
    }

    ResponseEntity<JsonNode> ship(String orderId, String shipmentId, String tracking) {
        return ship(orderId, shipmentBody(shipmentId, tracking));
    }

    ResponseEntity<JsonNode> ship(String orderId, Map<String, Object> body) {
        return e2e.call(HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", PushFixtures.WRITE_KEY, body);
    }

    static Map<String, Object> shipmentBody(String shipmentId, String tracking) {
        var body = new HashMap<String, Object>();
        body.put("shipmentId", shipmentId);
        body.put("carrier", "UPS");
        body.put("trackingNumbers", List.of(tracking));
        return body;
    }

    JsonNode shipment(String orderId, String shipmentId) {
        for (JsonNode shipment : e2e.order(orderId).path("shipments")) {
            if (shipment.path("shipmentId").asString().equals(shipmentId)) {
                return shipment;
            }
        }
        throw new AssertionError("order " + orderId + " shows no shipment " + shipmentId);
    }

    JsonNode awaitShipment(String orderId, String shipmentId, String status) {
        await().atMost(WAIT)
                .until(() ->
                        shipment(orderId, shipmentId).path("status").asString().equals(status));
        return shipment(orderId, shipmentId);
    }
}
