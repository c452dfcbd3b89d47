package org.orderbridge.fulfillmentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.fulfillmentservice.FulfillmentServiceFixtures.SHOP;
import static org.orderbridge.fulfillmentservice.FulfillmentServiceFixtures.WAIT;
import static org.orderbridge.fulfillmentservice.FulfillmentServiceFixtures.shipmentBody;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.SimulatedFulfillments;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.orderbridge.shopify.simulator.WebhookFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A shop that runs OrderBridge as its fulfillment service: registered at start, its orders' fulfillment orders
 * assigned to the service's location; the merchant's requests answered through the API and Shopify told once;
 * shipments only of what was accepted; cancellation requests answered by what shipped; a request whose webhook was
 * lost found by the catch-up read.
 */
@OrderBridgeTest
class FulfillmentServiceFlowTest {

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    FulfillmentServiceRegistrations registrations;

    @Autowired
    FulfillmentRequestCatchUp catchUp;

    FulfillmentServiceFixtures fs;

    @BeforeEach
    void serviceRegisteredAndStocked() {
        fs = FulfillmentServiceFixtures.registered(e2e, registrations);
    }

    @Test
    void aRequestIsAcceptedShippedAndReportedAndNothingShipsBeforeIt() {
        String orderId = fs.pushedOrder("fs-accept@example.com");
        String fo = fs.fulfillmentOrder(orderId);

        assertThat(fs.ship(orderId, "fs-early", "1ZFS0001").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        e2e.shopify().submitFulfillmentRequest(SHOP, fo, "Gift wrap, please");
        JsonNode request = fs.awaitRequest(fo);
        assertThat(request.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(request.path("merchantMessage").asString()).isEqualTo("Gift wrap, please");

        String id = request.path("id").asString();
        long acceptsBefore = accepts();
        assertThat(fs.answer(id, "accept", Map.of("message", "On it")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(fs.answer(id, "accept", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> contradiction = fs.answer(id, "reject", Map.of("reason", "OTHER"));
        assertThat(contradiction.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(contradiction.getHeaders().getContentType()).hasToString("application/problem+json");
        fs.awaitAnswer(id, "SENT");
        assertThat(fs.foView(orderId).status()).isEqualTo("IN_PROGRESS");
        assertThat(accepts() - acceptsBefore).as("accepts sent to Shopify").isOne();
        assertThat(e2e.shopify().store().fulfillments().answersTaken(fo)).containsExactly("acceptFulfillment");
        assertThat(e2e.jdbc()
                        .queryForList(
                                "select key_name from api_audit where path = ?",
                                String.class,
                                "/api/v1/fulfillment-requests/" + id + "/accept"))
                .isNotEmpty()
                .allMatch("local-admin"::equals);

        assertThat(fs.ship(orderId, "fs-ship", "1ZFS0002").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        fs.awaitShipment(orderId, "fs-ship", "FULFILLED");
        assertThat(e2e.shopify().store().fulfillments().fulfillments(fs.inShopify(orderId)))
                .singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo(fs.location()));
    }

    /**
     * The merchant requests one of two engines: Shopify splits the fulfillment order, and only the submitted part may
     * ship once accepted. A shipment of everything ships that part; one naming the other line fails, saying whose
     * request is missing.
     */
    @Test
    void aPartialRequestShipsOnlyTheRequestedItemsAndRefusesTheRestNamingTheirRequest() {
        String orderId = fs.pushedOrder("fs-partial@example.com");
        SimulatedOrder order = fs.inShopify(orderId);
        assertThat(order.lineItems()).as("the order's lines").hasSize(1);
        String original = fs.fulfillmentOrder(orderId);

        e2e.shopify().submitFulfillmentRequest(SHOP, original, null, Map.of(0, 1));
        List<String> atService = fs.atService(orderId).stream()
                .map(SimulatedFulfillments.FulfillmentOrderView::gid)
                .toList();
        assertThat(atService).hasSize(2).doesNotContain(original);
        JsonNode request = await().atMost(WAIT)
                .until(
                        () -> fs.requests().stream()
                                .filter(r -> atService.contains(
                                        r.path("fulfillmentOrderId").asString()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        String submitted = request.path("fulfillmentOrderId").asString();
        String unsubmitted = atService.stream()
                .filter(gid -> !gid.equals(submitted))
                .findFirst()
                .orElseThrow();
        assertThat(fs.answer(request.path("id").asString(), "accept", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        fs.awaitAnswer(request.path("id").asString(), "SENT");

        String sku = e2e.order(orderId).path("lineItems").get(0).path("sku").asString();
        Map<String, Object> both = shipmentBody("fs-both", "1ZFS0005");
        both.put("items", List.of(Map.of("sku", sku, "quantity", 2)));
        assertThat(fs.ship(orderId, both).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode failed = fs.awaitShipment(orderId, "fs-both", "FAILED");
        assertThat(failed.toString())
                .contains("1 of 2 cannot be fulfilled")
                .contains(unsubmitted + " is OPEN with its fulfillment request UNSUBMITTED");

        assertThat(fs.ship(orderId, "fs-accepted", "1ZFS0006").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        fs.awaitShipment(orderId, "fs-accepted", "FULFILLED");
        assertThat(e2e.shopify().store().fulfillments().fulfillments(order))
                .singleElement()
                .satisfies(f -> assertThat(f.quantities().values()).containsExactly(1));
        assertThat(fs.view(orderId, submitted).status()).isEqualTo("CLOSED");
        assertThat(fs.view(orderId, unsubmitted).remaining().values()).containsExactly(1);
    }

    @Test
    void aCancellationRequestIsAcceptedWhenNothingShippedAndRejectedOtherwise() {
        String quiet = fs.pushedOrder("fs-cancel-quiet@example.com");
        String quietFo = fs.fulfillmentOrder(quiet);
        fs.acceptedRequest(quietFo);
        e2e.shopify().submitCancellationRequest(SHOP, quietFo, "Customer changed their mind");
        await().atMost(WAIT)
                .until(() -> fs.requestOf(quietFo).path("status").asString().equals("CANCELLED"));
        fs.awaitAnswer(fs.requestOf(quietFo).path("id").asString(), "SENT");
        assertThat(fs.view(quiet, quietFo).status()).isEqualTo("CANCELLED");

        JsonNode rejected = cancellationOfPartlyShipped();
        assertThat(rejected.path("status").asString()).isEqualTo("CANCELLATION_REJECTED");
        assertThat(rejected.path("message").asString()).contains("shipped");
    }

    @Test
    void theCatchUpReadFindsARequestWhoseWebhookWasLost() {
        String orderId = fs.pushedOrder("fs-lost@example.com");
        String fo = fs.fulfillmentOrder(orderId);
        e2e.shopify().webhookFaults().set(SHOP, new WebhookFaults.Settings(1.0, 0, false));
        try {
            e2e.shopify().submitFulfillmentRequest(SHOP, fo, null);
        } finally {
            e2e.shopify().webhookFaults().clear();
        }
        assertThat(fs.requests().stream()
                        .anyMatch(r -> r.path("fulfillmentOrderId").asString().equals(fo)))
                .isFalse();

        assertThat(catchUp.catchUp(SHOP)).isPositive();

        assertThat(fs.requestOf(fo).path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(catchUp.catchUp(SHOP)).isZero();
    }

    @Test
    void badAnswersGetProblems() {
        assertThat(fs.answer("not-a-uuid", "accept", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fs.answer("00000000-0000-0000-0000-000000000000", "accept", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fs.answer("00000000-0000-0000-0000-000000000000", "reject", Map.of("reason", "BORED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fs.answer("00000000-0000-0000-0000-000000000000", "reject", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e2e.call(HttpMethod.GET, "/api/v1/fulfillment-requests?status=LOST", PushFixtures.ADMIN_KEY)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e2e.call(HttpMethod.GET, "/api/v1/fulfillment-requests", PushFixtures.WRITE_KEY)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private long accepts() {
        return e2e.shopify().requests().stream()
                .filter(r -> r.shop().equals(SHOP) && r.isFor("fulfillmentOrderAcceptFulfillmentRequest"))
                .count();
    }

    /** Two engines ordered, one shipped: a cancellation request then finds items shipped and is rejected. */
    private JsonNode cancellationOfPartlyShipped() {
        String orderId = fs.pushedOrder("fs-cancel-partly@example.com");
        String fo = fs.fulfillmentOrder(orderId);
        fs.acceptedRequest(fo);
        SimulatedOrder order = fs.inShopify(orderId);
        var line = e2e.order(orderId).path("lineItems").get(0);
        Map<String, Object> body = shipmentBody("fs-partly", "1ZFS0004");
        body.put("items", List.of(Map.of("sku", line.path("sku").asString(), "quantity", 1)));
        assertThat(fs.ship(orderId, body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        fs.awaitShipment(orderId, "fs-partly", "FULFILLED");
        assertThat(e2e.shopify().store().fulfillments().fulfillments(order)).isNotEmpty();
        e2e.shopify().submitCancellationRequest(SHOP, fo, "Stop");
        await().atMost(WAIT)
                .until(() -> fs.requestOf(fo).path("answer").asString().equals("SENT"));
        return fs.requestOf(fo);
    }
}
