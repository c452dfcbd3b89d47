package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderbridge.shopify.ShopifyFixtures.SHOP;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.ShopifyFulfillments.FulfillmentOutcome;
import org.orderbridge.shopify.ShopifyFulfillments.FulfillmentRequest;
import org.orderbridge.shopify.ShopifyFulfillments.Item;
import org.orderbridge.shopify.ShopifyFulfillments.LineLeft;
import org.orderbridge.shopify.ShopifyFulfillments.Tracking;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedFulfillments;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/** Fulfilling against the simulator's fulfillment-order model: paging, Shopify's remainders, holds and schedules. */
@Tag("unit")
class ShopifyFulfillmentsTest {

    private static final String HOME = SimulatedFulfillments.DEFAULT_LOCATION;
    private static final String NORTH = "gid://shopify/Location/2";
    private static final String SOUTH = "gid://shopify/Location/3";

    private final ShopifySimulator simulator = ShopifyFixtures.simulator();
    private final ShopifyFulfillments fulfillments = ShopifyConfiguration.client(
                    ShopifyFixtures.properties(simulator),
                    RestClient.builder(),
                    new ObjectMapper(),
                    RetryRegistry.ofDefaults(),
                    CircuitBreakerRegistry.ofDefaults(),
                    new SimpleMeterRegistry(),
                    ObservationRegistry.NOOP)
            .fulfillments();

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void shipsEverythingOfA250LineOrderSplitOverThreeLocationsWithFulfillmentOrdersMovedManyTimes() {
        SimulatedOrder order = order(java.util.Collections.nCopies(250, 1));
        // Line by line, as a merchant's routing would: every move to a location that has a fulfillment order closes
        // it and opens a new one, so that closed, hidden fulfillment orders pile up.
        for (int line = 100; line < 250; line++) {
            simulator.store().fulfillments().assign(order, line, 1, line < 180 ? NORTH : SOUTH);
        }
        var journalled = new AtomicReference<List<Item>>();

        FulfillmentOutcome outcome = fulfillments.fulfil(request(order, List.of(), "BIG-1"), journalled::set);

        assertThat(outcome).isInstanceOf(FulfillmentOutcome.Fulfilled.class);
        assertThat(simulator.store().fulfillments().fulfillments(order))
                .extracting(SimulatedFulfillments.Fulfillment::location)
                .containsExactlyInAnyOrder(HOME, NORTH, SOUTH);
        int shipped = simulator.store().fulfillments().fulfillments(order).stream()
                .mapToInt(f -> f.quantities().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .sum();
        assertThat(shipped).isEqualTo(250);
        assertThat(journalled.get()).hasSize(250);
        assertThat(outcome.left())
                .hasSize(250)
                .allSatisfy(line -> assertThat(line.quantity()).isZero());
        assertThat(simulator.store().fulfillments().fulfillmentOrderViews(order))
                .filteredOn(fo -> !fo.displayable())
                .hasSizeGreaterThan(100);
        assertThat(simulator.count(Outcome.GRAPHQL_ERRORS)).isZero();
    }

    @Test
    void shipsWhatShopifySaysRemainsAfterAHandMadeFulfillmentAndARefund() {
        SimulatedOrder order = order(2, 3);
        simulator.store().fulfillments().assign(order, 1, 3, NORTH);
        simulator.store().fulfillments().fulfilInAdmin(order, NORTH, "BY-HAND-1");
        simulator.store().fulfillments().removeUnfulfilled(order, 0, 1);

        FulfillmentOutcome tooMuch =
                fulfillments.fulfil(request(order, List.of(new Item(null, 0, "SKU-0", 3)), "REST-0"), items -> {});
        FulfillmentOutcome rest = fulfillments.fulfil(request(order, List.of(), "REST-1"), items -> {});

        assertThat(tooMuch)
                .isInstanceOfSatisfying(
                        FulfillmentOutcome.Refused.class,
                        refused -> assertThat(refused.reason()).contains("2 of 3 cannot be fulfilled"));
        assertThat(rest).isInstanceOf(FulfillmentOutcome.Fulfilled.class);
        assertThat(simulator.store().fulfillments().fulfillments(order))
                .filteredOn(f -> f.trackingNumbers().contains("REST-1"))
                .singleElement()
                .satisfies(f -> assertThat(f.quantities())
                        .containsExactly(Map.entry(SimulatedFulfillments.lineItemGid(order, 0), 1)));
        assertThat(rest.left()).extracting(LineLeft::quantity).containsExactly(0, 0);
    }

    @Test
    void readsWhatIsLeftOfEachLineWithTheFulfillmentOrdersThatListIt() {
        SimulatedOrder order = order(2, 3);
        simulator.store().fulfillments().assign(order, 1, 1, NORTH);
        simulator.store().fulfillments().removeUnfulfilled(order, 0, 1);

        List<LineLeft> left = fulfillments.left(order.shop(), order.gid());

        var views = simulator.store().fulfillments().fulfillmentOrderViews(order).stream()
                .filter(SimulatedFulfillments.FulfillmentOrderView::displayable)
                .toList();
        assertThat(left).extracting(LineLeft::quantity).containsExactly(1, 3);
        assertThat(left.get(0).fulfillmentOrders())
                .containsExactlyInAnyOrderElementsOf(views.stream()
                        .filter(v -> v.remaining().containsKey(SimulatedFulfillments.lineItemGid(order, 0)))
                        .map(SimulatedFulfillments.FulfillmentOrderView::gid)
                        .toList());
        assertThat(left.get(1).fulfillmentOrders()).hasSize(2);
        assertThat(fulfillments.left(order.shop(), "gid://shopify/Order/1")).isEmpty();
    }

    @Test
    void waitsWhileThisAppsHoldIsOnAndShipsOnceItIsReleased() {
        SimulatedOrder order = order(1);
        simulator.store().fulfillments().hold(order, HOME, "packing check", true);

        FulfillmentOutcome waiting = fulfillments.fulfil(request(order, List.of(), "HOLD-1"), items -> {});
        String released = fulfillments.release(SHOP, order.gid(), List.of());
        String again = fulfillments.release(SHOP, order.gid(), List.of());
        FulfillmentOutcome shipped = fulfillments.fulfil(request(order, List.of(), "HOLD-1"), items -> {});

        assertThat(waiting)
                .isInstanceOfSatisfying(
                        FulfillmentOutcome.Waiting.class,
                        wait -> assertThat(wait.reason()).contains("ON_HOLD").contains("packing check"));
        assertThat(released).isNull();
        assertThat(again).contains("Nothing of the shipment is on hold or scheduled");
        assertThat(shipped).isInstanceOf(FulfillmentOutcome.Fulfilled.class);
    }

    @Test
    void leavesTheMerchantsHoldAloneAndOpensAScheduledFulfillmentOrder() {
        SimulatedOrder held = order(1);
        simulator.store().fulfillments().hold(held, HOME, "fraud check");
        SimulatedOrder scheduled = order(1);
        simulator
                .store()
                .fulfillments()
                .schedule(scheduled, HOME, OffsetDateTime.now().plusDays(7));

        String refusal = fulfillments.release(SHOP, held.gid(), List.of());
        FulfillmentOutcome waiting = fulfillments.fulfil(request(scheduled, List.of(), "SCHED-1"), items -> {});
        String opened = fulfillments.release(SHOP, scheduled.gid(), List.of());

        assertThat(refusal).contains("held by the merchant or another app").contains("fraud check");
        assertThat(waiting)
                .isInstanceOfSatisfying(
                        FulfillmentOutcome.Waiting.class,
                        wait -> assertThat(wait.reason()).contains("SCHEDULED"));
        assertThat(opened).isNull();
        assertThat(fulfillments.fulfil(request(scheduled, List.of(), "SCHED-1"), items -> {}))
                .isInstanceOf(FulfillmentOutcome.Fulfilled.class);
    }

    @Test
    void movesItemsToTheLocationTheShipmentLeftFromBeforeFulfillingThem() {
        SimulatedOrder order = order(2, 1);
        simulator.store().fulfillments().assign(order, 1, 1, SOUTH);

        FulfillmentOutcome outcome = fulfillments.fulfil(
                new FulfillmentRequest(
                        SHOP,
                        order.gid(),
                        List.of(),
                        new Tracking("UPS", List.of("FROM-N"), null),
                        false,
                        false,
                        NORTH),
                items -> {});

        assertThat(outcome).isInstanceOf(FulfillmentOutcome.Fulfilled.class);
        assertThat(simulator.store().fulfillments().fulfillments(order))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.location()).isEqualTo(NORTH);
                    assertThat(f.quantities().values()).containsExactlyInAnyOrder(2, 1);
                });
        assertThat(simulator.requests())
                .filteredOn(r -> r.isFor("fulfillmentOrderMove"))
                .hasSize(2);
    }

    @Test
    void sendsEveryTrackingNumberWithTheShipmentsUrl() {
        SimulatedOrder order = order(1);

        fulfillments.fulfil(
                new FulfillmentRequest(
                        SHOP,
                        order.gid(),
                        List.of(),
                        new Tracking("royal mail", List.of("RM-1", "RM-2"), "https://t.example/RM"),
                        false,
                        false,
                        null),
                items -> {});

        assertThat(simulator.store().fulfillments().fulfillments(order))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.trackingNumbers()).containsExactly("RM-1", "RM-2");
                    assertThat(f.urls()).containsExactly("https://t.example/RM", "https://t.example/RM");
                    assertThat(f.company()).isEqualTo("Royal Mail");
                });
    }

    private SimulatedOrder order(int... quantities) {
        return order(java.util.Arrays.stream(quantities).boxed().toList());
    }

    private SimulatedOrder order(List<Integer> quantities) {
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < quantities.size(); i++) {
            items.add(Map.of("sku", "SKU-" + i, "title", "Item " + i, "quantity", quantities.get(i)));
        }
        return simulator.store().createOrderInAdmin(SHOP, Map.of("currency", "EUR", "lineItems", items));
    }

    private static FulfillmentRequest request(SimulatedOrder order, List<Item> items, String tracking) {
        return new FulfillmentRequest(
                SHOP, order.gid(), items, new Tracking("UPS", List.of(tracking), null), false, false, null);
    }
}
