package org.orderbridge.fulfillmentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.fulfillmentservice.FulfillmentServiceFixtures.SHOP;
import static org.orderbridge.fulfillmentservice.FulfillmentServiceFixtures.WAIT;
import static org.orderbridge.fulfillmentservice.FulfillmentServiceFixtures.shipmentBody;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.shopify.FulfillmentServiceProperties;
import org.orderbridge.shopify.FulfillmentServiceProperties.AcceptRule;
import org.orderbridge.shopify.FulfillmentServiceProperties.Mode;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * The fulfillment service's mutations while Shopify drops the answers of committed ones, resets connections, fails
 * with 5xx and throttles: every answer to a fulfillment or cancellation request and the service's registration take effect
 * in Shopify exactly once. A send whose reply was lost may be repeated; Shopify refuses the repeat
 * (a request takes one answer) and the read after the refusal finds ours, so the answer ends SENT, not REFUSED.
 */
@OrderBridgeTest
class FulfillmentServiceStormTest {

    /** A shop of its own, so that registering a second service there leaves the configured one alone. */
    static final String REGISTRATION_SHOP = "threepl-storm.myshopify.com";

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    FulfillmentServiceRegistrations registrations;

    FulfillmentServiceFixtures fs;

    @BeforeEach
    void serviceRegisteredAndStocked() {
        fs = FulfillmentServiceFixtures.registered(e2e, registrations);
    }

    @Test
    void everyAnswerToARequestTakesEffectOnceThroughAStorm() {
        String acceptedOrder = fs.pushedOrder("fs-storm-accept@example.com");
        String rejectedOrder = fs.pushedOrder("fs-storm-reject@example.com");
        String acceptFo = fs.fulfillmentOrder(acceptedOrder);
        String rejectFo = fs.fulfillmentOrder(rejectedOrder);
        e2e.shopify().submitFulfillmentRequest(SHOP, acceptFo, null);
        e2e.shopify().submitFulfillmentRequest(SHOP, rejectFo, null);
        String accept = fs.awaitRequest(acceptFo).path("id").asString();
        String reject = fs.awaitRequest(rejectFo).path("id").asString();
        e2e.shopify()
                .faults()
                .forShop(SHOP)
                .nextFor("fulfillmentOrderAcceptFulfillmentRequest", 1, Fault.serverError(503))
                .nextFor("fulfillmentOrderAcceptFulfillmentRequest", 1, Fault.dropAfterCommit())
                .nextFor("fulfillmentOrderRejectFulfillmentRequest", 1, Fault.reset())
                .nextFor("fulfillmentOrderRejectFulfillmentRequest", 1, Fault.dropAfterCommit())
                .nextFor("fulfillmentOrder", 1, Fault.tooManyRequests(Duration.ofMillis(300)))
                .nextFor("fulfillmentOrder", 1, Fault.serverError(502));
        e2e.shopify().setAvailablePoints(SHOP, 0);

        assertThat(fs.answer(accept, "accept", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fs.answer(reject, "reject", Map.of("reason", "INVENTORY_OUT_OF_STOCK"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        fs.awaitAnswer(accept, "SENT");
        fs.awaitAnswer(reject, "SENT");
        assertThat(fs.view(acceptedOrder, acceptFo).status()).isEqualTo("IN_PROGRESS");
        assertThat(fs.view(rejectedOrder, rejectFo).status()).isEqualTo("OPEN");
        assertThat(taken(acceptFo)).containsExactly("acceptFulfillment");
        assertThat(taken(rejectFo)).containsExactly("rejectFulfillment");

        String quiet = fs.pushedOrder("fs-storm-cancel@example.com");
        String shipped = fs.pushedOrder("fs-storm-keep@example.com");
        String quietFo = fs.fulfillmentOrder(quiet);
        String shippedFo = fs.fulfillmentOrder(shipped);
        fs.acceptedRequest(quietFo);
        fs.acceptedRequest(shippedFo);
        Map<String, Object> one = shipmentBody("fs-storm-one", "1ZFSSTORM1");
        one.put(
                "items",
                List.of(Map.of(
                        "sku",
                        e2e.order(shipped).path("lineItems").get(0).path("sku").asString(),
                        "quantity",
                        1)));
        assertThat(fs.ship(shipped, one).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        fs.awaitShipment(shipped, "fs-storm-one", "FULFILLED");
        e2e.shopify()
                .faults()
                .forShop(SHOP)
                .nextFor("fulfillmentOrderAcceptCancellationRequest", 1, Fault.dropAfterCommit())
                .nextFor("fulfillmentOrderRejectCancellationRequest", 1, Fault.serverError(503))
                .nextFor("fulfillmentOrderRejectCancellationRequest", 1, Fault.dropAfterCommit());

        e2e.shopify().submitCancellationRequest(SHOP, quietFo, "Changed their mind");
        e2e.shopify().submitCancellationRequest(SHOP, shippedFo, "Stop");

        JsonNode cancelled = fs.awaitAnswer(fs.requestOf(quietFo).path("id").asString(), "SENT");
        JsonNode kept = fs.awaitAnswer(fs.requestOf(shippedFo).path("id").asString(), "SENT");
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(kept.path("status").asString()).isEqualTo("CANCELLATION_REJECTED");
        assertThat(fs.view(quiet, quietFo).status()).isEqualTo("CANCELLED");
        assertThat(fs.view(shipped, shippedFo).status()).isEqualTo("IN_PROGRESS");
        assertThat(taken(quietFo)).containsExactly("acceptFulfillment", "acceptCancellation");
        assertThat(taken(shippedFo)).containsExactly("acceptFulfillment", "rejectCancellation");
        assertThat(e2e.shopify().requests().stream()
                        .filter(r -> r.shop().equals(SHOP))
                        .filter(r -> r.outcome() == Outcome.INJECTED_DROP_AFTER_COMMIT))
                .as("the storm did blow: answers committed in Shopify whose replies never arrived")
                .hasSize(4);
    }

    @Test
    void aRegistrationWhoseAnswerWasLostLeavesOneServiceInShopify() {
        var settings = new FulfillmentServiceProperties.Shop(
                Mode.FULFILLMENT_SERVICE,
                "Storm Warehouse",
                URI.create("https://orderbridge.example/fulfillment-service"),
                AcceptRule.MANUAL);
        e2e.shopify()
                .faults()
                .forShop(REGISTRATION_SHOP)
                .nextFor("shop", 1, Fault.serverError(503))
                .nextFor("fulfillmentServiceCreate", 1, Fault.dropAfterCommit())
                .nextFor("fulfillmentServiceCreate", 1, Fault.serverError(502));

        // The schedule's checks, one after another, until one finds the service.
        await().atMost(WAIT)
                .until(() -> registrations.check(REGISTRATION_SHOP, settings).isPresent());
        assertThat(registrations.check(REGISTRATION_SHOP, settings)).isPresent();

        assertThat(e2e.shopify().store().fulfillmentServices().services(REGISTRATION_SHOP))
                .singleElement()
                .satisfies(s ->
                        assertThat(registrations.location(REGISTRATION_SHOP)).contains(s.locationGid()));
        assertThat(e2e.shopify().requests().stream()
                        .filter(r -> r.shop().equals(REGISTRATION_SHOP) && r.isFor("fulfillmentServiceCreate"))
                        .map(RecordedRequest::outcome))
                .as("the create whose answer was lost committed")
                .contains(Outcome.INJECTED_DROP_AFTER_COMMIT);
    }

    private List<String> taken(String fulfillmentOrderGid) {
        return e2e.shopify().store().fulfillments().answersTaken(fulfillmentOrderGid);
    }
}
