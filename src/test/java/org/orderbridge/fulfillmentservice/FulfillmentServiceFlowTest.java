package org.orderbridge.fulfillmentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.SimulatedFulfillments.FulfillmentOrderView;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.orderbridge.shopify.simulator.WebhookFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A shop that runs OrderBridge as its fulfillment service (threepl, configured in the local profile): registered at
 * start, its orders' fulfillment orders assigned to the service's location; the merchant's requests answered through
 * the API and Shopify told once; shipments only on accepted requests; cancellation requests answered by what shipped;
 * a request whose webhook was lost found by the catch-up read.
 */
@OrderBridgeTest
class FulfillmentServiceFlowTest {

    static final String SHOP = "threepl.myshopify.com";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    FulfillmentServiceRegistrations registrations;

    @Autowired
    FulfillmentRequestCatchUp catchUp;

    String location;

    @BeforeEach
    void serviceRegisteredAndStocked() {
        await().atMost(WAIT).until(() -> registrations.location(SHOP).isPresent());
        location = registrations.location(SHOP).orElseThrow();
        assertThat(e2e.shopify().store().fulfillmentServices().services(SHOP))
                .singleElement()
                .satisfies(s -> assertThat(s.locationGid()).isEqualTo(location));
        e2e.shopify().store().fulfillments().routeNewOrdersTo(SHOP, location);
    }

    @Test
    void aRequestIsAcceptedShippedAndReportedAndNothingShipsBeforeIt() {
        String orderId = pushedOrder("fs-accept@example.com");
        String fo = fulfillmentOrder(orderId);

        assertThat(ship(orderId, "fs-early", "1ZFS0001").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        e2e.shopify().submitFulfillmentRequest(SHOP, fo, "Gift wrap, please");
        JsonNode request = awaitRequest(fo);
        assertThat(request.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(request.path("merchantMessage").asString()).isEqualTo("Gift wrap, please");

        String id = request.path("id").asString();
        assertThat(answer(id, "accept", Map.of("message", "On it")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(answer(id, "accept", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> contradiction = answer(id, "reject", Map.of("reason", "OTHER"));
        assertThat(contradiction.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(contradiction.getHeaders().getContentType()).hasToString("application/problem+json");
        awaitAnswer(id, "SENT");
        assertThat(foView(orderId).status()).isEqualTo("IN_PROGRESS");
        assertThat(e2e.shopify().requests().stream()
                        .filter(r -> r.shop().equals(SHOP)
                                && r.rootFields().contains("fulfillmentOrderAcceptFulfillmentRequest"))
                        .count())
                .isOne();
        assertThat(e2e.jdbc()
                        .queryForList(
                                "select key_name from api_audit where path = ?",
                                String.class,
                                "/api/v1/fulfillment-requests/" + id + "/accept"))
                .isNotEmpty()
                .allMatch("local-admin"::equals);

        assertThat(ship(orderId, "fs-ship", "1ZFS0002").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(WAIT).until(() -> shipmentStatus(orderId).equals("FULFILLED"));
        assertThat(e2e.shopify().store().fulfillments().fulfillments(inShopify(orderId)))
                .singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo(location));
    }

    @Test
    void aCancellationRequestIsAcceptedWhenNothingShippedAndRejectedOtherwise() {
        String quiet = pushedOrder("fs-cancel-quiet@example.com");
        String quietFo = acceptedRequest(quiet);
        e2e.shopify().submitCancellationRequest(SHOP, quietFo, "Customer changed their mind");
        await().atMost(WAIT)
                .until(() -> requestOf(quietFo).path("status").asString().equals("CANCELLED"));
        awaitAnswer(requestOf(quietFo).path("id").asString(), "SENT");
        assertThat(e2e.shopify().store().fulfillments().fulfillmentOrderViews(inShopify(quiet)).stream()
                        .filter(v -> v.gid().equals(quietFo))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo("CANCELLED");

        JsonNode rejected = cancellationOfPartlyShipped();
        assertThat(rejected.path("status").asString()).isEqualTo("CANCELLATION_REJECTED");
        assertThat(rejected.path("message").asString()).contains("shipped");
    }

    @Test
    void theCatchUpReadFindsARequestWhoseWebhookWasLost() {
        String orderId = pushedOrder("fs-lost@example.com");
        String fo = fulfillmentOrder(orderId);
        e2e.shopify().webhookFaults().set(SHOP, new WebhookFaults.Settings(1.0, 0, false));
        try {
            e2e.shopify().submitFulfillmentRequest(SHOP, fo, null);
        } finally {
            e2e.shopify().webhookFaults().clear();
        }
        assertThat(requests().stream()
                        .anyMatch(r -> r.path("fulfillmentOrderId").asString().equals(fo)))
                .isFalse();

        assertThat(catchUp.catchUp(SHOP)).isPositive();

        assertThat(requestOf(fo).path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(catchUp.catchUp(SHOP)).isZero();
    }

    @Test
    void badAnswersGetProblems() {
        assertThat(answer("not-a-uuid", "accept", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer("00000000-0000-0000-0000-000000000000", "accept", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer("00000000-0000-0000-0000-000000000000", "reject", Map.of("reason", "BORED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer("00000000-0000-0000-0000-000000000000", "reject", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e2e.call(HttpMethod.GET, "/api/v1/fulfillment-requests?status=LOST", PushFixtures.ADMIN_KEY)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e2e.call(HttpMethod.GET, "/api/v1/fulfillment-requests", PushFixtures.WRITE_KEY)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Two engines ordered, one shipped: a cancellation request then finds items shipped and is rejected. */
    private JsonNode cancellationOfPartlyShipped() {
        String orderId = pushedOrder("fs-cancel-partly@example.com");
        String fo = acceptedRequest(orderId);
        SimulatedOrder order = inShopify(orderId);
        var line = e2e.order(orderId).path("lineItems").get(0);
        Map<String, Object> body = shipmentBody("fs-partly", "1ZFS0004");
        body.put("items", List.of(Map.of("sku", line.path("sku").asString(), "quantity", 1)));
        assertThat(ship(orderId, body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(WAIT).until(() -> shipmentStatus(orderId).equals("FULFILLED"));
        assertThat(e2e.shopify().store().fulfillments().fulfillments(order)).isNotEmpty();
        e2e.shopify().submitCancellationRequest(SHOP, fo, "Stop");
        await().atMost(WAIT).until(() -> requestOf(fo).path("answer").asString().equals("SENT"));
        return requestOf(fo);
    }

    private String acceptedRequest(String orderId) {
        String fo = fulfillmentOrder(orderId);
        e2e.shopify().submitFulfillmentRequest(SHOP, fo, null);
        String id = awaitRequest(fo).path("id").asString();
        assertThat(answer(id, "accept", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitAnswer(id, "SENT");
        return fo;
    }

    private String pushedOrder(String email) {
        String id = e2e.accept(email, SHOP);
        e2e.awaitStatus(id, "PUSHED");
        return id;
    }

    private SimulatedOrder inShopify(String orderId) {
        return e2e.shopifyOrdersFor(orderId).getFirst();
    }

    private FulfillmentOrderView foView(String orderId) {
        return e2e.shopify().store().fulfillments().fulfillmentOrderViews(inShopify(orderId)).stream()
                .filter(FulfillmentOrderView::displayable)
                .filter(v -> v.location().equals(location))
                .findFirst()
                .orElseThrow();
    }

    private String fulfillmentOrder(String orderId) {
        FulfillmentOrderView view = foView(orderId);
        assertThat(view.location()).isEqualTo(location);
        return view.gid();
    }

    private ResponseEntity<JsonNode> answer(String id, String verb, Map<String, Object> body) {
        return e2e.call(
                HttpMethod.POST, "/api/v1/fulfillment-requests/" + id + "/" + verb, PushFixtures.ADMIN_KEY, body);
    }

    private List<JsonNode> requests() {
        JsonNode list = e2e.call(HttpMethod.GET, "/api/v1/fulfillment-requests?shop=" + SHOP, PushFixtures.ADMIN_KEY)
                .getBody();
        var all = new java.util.ArrayList<JsonNode>();
        list.forEach(all::add);
        return all;
    }

    private JsonNode requestOf(String fo) {
        return requests().stream()
                .filter(r -> r.path("fulfillmentOrderId").asString().equals(fo))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request for " + fo));
    }

    private JsonNode awaitRequest(String fo) {
        await().atMost(WAIT)
                .until(() -> requests().stream()
                        .anyMatch(r -> r.path("fulfillmentOrderId").asString().equals(fo)));
        return requestOf(fo);
    }

    private void awaitAnswer(String id, String answer) {
        await().atMost(WAIT)
                .until(() -> e2e.call(HttpMethod.GET, "/api/v1/fulfillment-requests/" + id, PushFixtures.ADMIN_KEY)
                        .getBody()
                        .path("answer")
                        .asString()
                        .equals(answer));
    }

    private ResponseEntity<JsonNode> ship(String orderId, String shipmentId, String tracking) {
        return ship(orderId, shipmentBody(shipmentId, tracking));
    }

    private ResponseEntity<JsonNode> ship(String orderId, Map<String, Object> body) {
        return e2e.call(HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", PushFixtures.WRITE_KEY, body);
    }

    private static Map<String, Object> shipmentBody(String shipmentId, String tracking) {
        var body = new java.util.HashMap<String, Object>();
        body.put("shipmentId", shipmentId);
        body.put("carrier", "UPS");
        body.put("trackingNumbers", List.of(tracking));
        return body;
    }

    private String shipmentStatus(String orderId) {
        return e2e.order(orderId).path("shipments").get(0).path("status").asString();
    }
}
