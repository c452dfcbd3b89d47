package org.orderbridge.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;
import static org.orderbridge.shipment.ShipmentFixtures.awaitShipment;
import static org.orderbridge.shipment.ShipmentFixtures.fulfillmentsWith;
import static org.orderbridge.shipment.ShipmentFixtures.inShopify;
import static org.orderbridge.shipment.ShipmentFixtures.post;
import static org.orderbridge.shipment.ShipmentFixtures.pushedOrder;
import static org.orderbridge.shipment.ShipmentFixtures.shipment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.SimulatedFulfillments;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Shipments pushed while Shopify drops answers of committed creates, moves and releases, answers them too late, fails
 * with 5xx, throttles and answers 429: every shipment ends with exactly one fulfillment per location, every move and
 * release takes effect once.
 */
@OrderBridgeTest
class ShipmentStormTest {

    private static final String LOCATION_2 = "gid://shopify/Location/2";

    @Autowired
    EndToEndFixtures e2e;

    @Test
    void everyShipmentBecomesExactlyOneFulfillmentPerLocationThroughAStorm() {
        record Case(String orderId, SimulatedOrder order, String tracking, int locations) {}
        var cases = new ArrayList<Case>();
        for (int i = 0; i < 4; i++) {
            String orderId = pushedOrder(e2e, "storm-" + i + "@example.com", FAULTY_SHOP);
            SimulatedOrder order = inShopify(e2e, orderId);
            boolean split = i % 2 == 0;
            if (split) {
                e2e.shopify().store().fulfillments().assign(order, 0, 1, LOCATION_2);
            }
            cases.add(new Case(orderId, order, "1Z-STORM-" + i + "-" + System.nanoTime(), split ? 2 : 1));
        }
        var faults = e2e.shopify().faults().forShop(FAULTY_SHOP);
        faults.nextFor("fulfillmentCreate", 3, Fault.dropAfterCommit())
                .nextFor("fulfillmentCreate", 1, Fault.delay(Duration.ofSeconds(11)))
                .nextFor("fulfillmentCreate", 2, Fault.serverError(503))
                .nextFor("fulfillmentCreate", 1, Fault.tooManyRequests(Duration.ofMillis(300)))
                .nextFor("order", 2, Fault.serverError(502))
                .nextFor("order", 1, Fault.dropAfterCommit());
        e2e.shopify().setAvailablePoints(FAULTY_SHOP, 0);

        for (Case c : cases) {
            assertThat(post(e2e, c.orderId(), shipment("storm", c.tracking())).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }

        for (Case c : cases) {
            awaitShipment(e2e, c.orderId(), "storm", "FULFILLED");
            List<SimulatedFulfillments.Fulfillment> made = fulfillmentsWith(e2e, c.order(), c.tracking());
            assertThat(made)
                    .as("fulfillments of %s", c.tracking())
                    .hasSize(c.locations())
                    .extracting(SimulatedFulfillments.Fulfillment::location)
                    .doesNotHaveDuplicates();
            assertThat(made.stream()
                            .mapToInt(f -> f.quantities().values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum())
                            .sum())
                    .isEqualTo(2);
        }
        // The storm did blow: creates committed in Shopify whose answers never arrived.
        assertThat(e2e.shopify().requests().stream()
                        .filter(r -> FAULTY_SHOP.equals(r.shop()) && r.isFor("fulfillmentCreate"))
                        .filter(r -> r.outcome() == RecordedRequest.Outcome.INJECTED_DROP_AFTER_COMMIT
                                || r.outcome() == RecordedRequest.Outcome.INJECTED_DELAY))
                .hasSize(4);
    }

    @Test
    void movesAndReleasesTakeEffectOnceThroughAStorm() {
        String movedId = pushedOrder(e2e, "storm-move@example.com", FAULTY_SHOP);
        String heldId = pushedOrder(e2e, "storm-release@example.com", FAULTY_SHOP);
        SimulatedOrder moved = inShopify(e2e, movedId);
        SimulatedOrder held = inShopify(e2e, heldId);
        e2e.shopify().store().fulfillments().hold(held, SimulatedFulfillments.DEFAULT_LOCATION, "storm", true);
        String moveTracking = "1Z-STORM-MOVE-" + System.nanoTime();
        String holdTracking = "1Z-STORM-HOLD-" + System.nanoTime();
        var fromNorth = shipment("storm-move", moveTracking);
        fromNorth.put("location", LOCATION_2);
        post(e2e, heldId, shipment("storm-hold", holdTracking));
        awaitShipment(e2e, heldId, "storm-hold", "HELD");
        e2e.shopify()
                .faults()
                .forShop(FAULTY_SHOP)
                .nextFor("fulfillmentOrderMove", 1, Fault.serverError(503))
                .nextFor("fulfillmentOrderMove", 1, Fault.dropAfterCommit())
                .nextFor("fulfillmentOrderReleaseHold", 1, Fault.dropAfterCommit());

        assertThat(post(e2e, movedId, fromNorth).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var release = e2e.call(
                HttpMethod.POST, "/api/v1/orders/" + heldId + "/shipments/storm-hold/release", PushFixtures.ADMIN_KEY);

        // The release whose answer was lost reads as done on the retry, not as "nothing on hold".
        assertThat(release.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitShipment(e2e, heldId, "storm-hold", "FULFILLED");
        awaitShipment(e2e, movedId, "storm-move", "FULFILLED");
        assertThat(fulfillmentsWith(e2e, held, holdTracking)).singleElement();
        assertThat(fulfillmentsWith(e2e, moved, moveTracking)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(LOCATION_2);
            assertThat(f.quantities().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(2);
        });
        // Moved once: the one fulfillment order at the new location holds the order's items, none is left behind.
        assertThat(e2e.shopify().store().fulfillments().fulfillmentOrderViews(moved).stream()
                        .filter(SimulatedFulfillments.FulfillmentOrderView::displayable)
                        .filter(fo -> fo.remaining().values().stream().anyMatch(q -> q > 0)))
                .isEmpty();
        assertThat(e2e.shopify().requests().stream()
                        .filter(r -> FAULTY_SHOP.equals(r.shop()))
                        .filter(r -> r.isFor("fulfillmentOrderMove") || r.isFor("fulfillmentOrderReleaseHold"))
                        .filter(r -> r.outcome() == RecordedRequest.Outcome.INJECTED_DROP_AFTER_COMMIT))
                .hasSize(2);
    }
}
