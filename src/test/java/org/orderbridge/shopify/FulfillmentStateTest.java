package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.FulfillmentState.FoLine;
import org.orderbridge.shopify.FulfillmentState.FulfillmentOrder;
import org.orderbridge.shopify.FulfillmentState.Hold;
import org.orderbridge.shopify.FulfillmentState.OrderLine;
import org.orderbridge.shopify.FulfillmentState.Plan;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Tag("unit")
class FulfillmentStateTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String LINE_A = "gid://shopify/LineItem/1";
    private static final String LINE_B = "gid://shopify/LineItem/2";
    private static final String HOME = "gid://shopify/Location/1";
    private static final String NORTH = "gid://shopify/Location/2";

    @Test
    void readsAFulfillmentOrderWithItsHoldsActionsAndLines() {
        FulfillmentOrder fo = FulfillmentState.readFulfillmentOrder(JSON.readTree("""
                {"id":"gid://shopify/FulfillmentOrder/1","status":"ON_HOLD","fulfillAt":null,
                 "supportedActions":[{"action":"RELEASE_HOLD"}],
                 "assignedLocation":{"location":{"id":"gid://shopify/Location/1"}},
                 "fulfillmentHolds":[{"id":"gid://shopify/FulfillmentHold/7","reason":"AWAITING_PAYMENT",
                   "reasonNotes":"bank transfer","heldByRequestingApp":true}],
                 "lineItems":{"pageInfo":{"hasNextPage":false},"nodes":[
                   {"id":"gid://shopify/FulfillmentOrderLineItem/9","remainingQuantity":2,"totalQuantity":3,
                    "lineItem":{"id":"gid://shopify/LineItem/1"}}]}}
                """));

        assertThat(fo.fulfillable()).isFalse();
        assertThat(fo.deferred()).isTrue();
        assertThat(fo.holds())
                .containsExactly(
                        new Hold("gid://shopify/FulfillmentHold/7", "AWAITING_PAYMENT", "bank transfer", true));
        assertThat(fo.lines()).containsExactly(new FoLine("gid://shopify/FulfillmentOrderLineItem/9", LINE_A, 2));
        assertThat(fo.whyDeferred()).contains("ON_HOLD").contains("AWAITING_PAYMENT (bank transfer)");
    }

    @Test
    void everythingLeftIsWhatShopifySaysRemainsOpenHeldOrScheduled() {
        var state = state(
                fo("1", "OPEN", HOME, List.of(), new FoLine("fol-1", LINE_A, 1)),
                fo("2", "ON_HOLD", NORTH, List.of(), new FoLine("fol-2", LINE_B, 2)),
                fo("3", "CLOSED", NORTH, List.of(), new FoLine("fol-3", LINE_B, 5)));

        assertThat(state.left()).containsExactly(Map.entry(LINE_A, 1), Map.entry(LINE_B, 2));
        assertThat(state.resolve(List.of())).containsExactly(Map.entry(LINE_A, 1), Map.entry(LINE_B, 2));
    }

    @Test
    void plansOneCreatePerLocationTakingFromEveryFulfillableFulfillmentOrder() {
        var state = state(
                fo("1", "OPEN", HOME, List.of(), new FoLine("fol-1", LINE_A, 1)),
                fo("2", "IN_PROGRESS", NORTH, List.of(), new FoLine("fol-2", LINE_A, 2)));

        Plan plan = state.plan(Map.of(LINE_A, 3));

        assertThat(plan)
                .isInstanceOfSatisfying(
                        Plan.Create.class,
                        create -> assertThat(create.creates())
                                .extracting(FulfillmentState.LocationCreate::locationGid)
                                .containsExactly(HOME, NORTH));
    }

    @Test
    void waitsWhenWhatIsMissingIsHeldOrScheduledAndRefusesWhenShopifyHasTooLittle() {
        var hold = new Hold("h-1", "AWAITING_PAYMENT", null, false);
        var state = state(
                fo("1", "OPEN", HOME, List.of(), new FoLine("fol-1", LINE_A, 1)),
                fo("2", "ON_HOLD", NORTH, List.of(hold), new FoLine("fol-2", LINE_A, 1)),
                fo("3", "SCHEDULED", NORTH, List.of(), new FoLine("fol-3", LINE_B, 1)));

        assertThat(state.plan(Map.of(LINE_A, 2)))
                .isInstanceOfSatisfying(
                        Plan.Wait.class,
                        wait -> assertThat(wait.reason())
                                .contains("ON_HOLD: AWAITING_PAYMENT")
                                .contains(NORTH));
        assertThat(state.plan(Map.of(LINE_B, 1)))
                .isInstanceOfSatisfying(
                        Plan.Wait.class, wait -> assertThat(wait.reason()).contains("SCHEDULED"));
        assertThat(state.plan(Map.of(LINE_A, 3)))
                .isInstanceOfSatisfying(
                        Plan.Refuse.class,
                        refuse -> assertThat(refuse.reason()).contains("1 of 3 cannot be fulfilled"));
    }

    @Test
    void shipsOnlyWhatAFulfillmentServiceAcceptedNamingTheRequestOfTheRest() {
        var accepted = new FulfillmentOrder(
                "fo-1",
                "IN_PROGRESS",
                "ACCEPTED",
                NORTH,
                null,
                List.of(),
                Set.of("CREATE_FULFILLMENT", "REQUEST_CANCELLATION"),
                List.of(new FoLine("fol-1", LINE_A, 1)));
        var submitted = new FulfillmentOrder(
                "fo-2",
                "OPEN",
                "SUBMITTED",
                NORTH,
                null,
                List.of(),
                Set.of("CANCEL_FULFILLMENT_ORDER"),
                List.of(new FoLine("fol-2", LINE_A, 1), new FoLine("fol-3", LINE_B, 2)));
        var state = state(accepted, submitted);

        assertThat(state.left()).containsExactly(Map.entry(LINE_A, 1), Map.entry(LINE_B, 0));
        assertThat(state.plan(Map.of(LINE_A, 1))).isInstanceOf(Plan.Create.class);
        assertThat(state.plan(Map.of(LINE_B, 1)))
                .isInstanceOfSatisfying(
                        Plan.Refuse.class,
                        refuse -> assertThat(refuse.reason())
                                .contains("B: 1 of 1 cannot be fulfilled")
                                .contains("fo-2 is OPEN with its fulfillment request SUBMITTED"));
        var merchants = new FulfillmentOrder(
                "fo-3",
                "OPEN",
                "UNSUBMITTED",
                HOME,
                null,
                List.of(),
                Set.of("HOLD"),
                List.of(new FoLine("fol-4", LINE_B, 1)));
        assertThat(state(merchants).plan(Map.of(LINE_B, 1)))
                .as("a merchant's fulfillment order is not blamed on a fulfillment request")
                .isInstanceOfSatisfying(
                        Plan.Refuse.class,
                        refuse -> assertThat(refuse.reason())
                                .contains("fo-3 is OPEN")
                                .doesNotContain("fulfillment request"));
    }

    @Test
    void shipsFromTheNamedLocationMovingWhatLiesElsewhereWhereShopifyAllowsIt() {
        var movable = new FulfillmentOrder(
                "fo-1",
                "OPEN",
                "UNSUBMITTED",
                HOME,
                null,
                List.of(),
                Set.of("CREATE_FULFILLMENT", "MOVE"),
                List.of(new FoLine("fol-1", LINE_A, 2)));
        var stuck = new FulfillmentOrder(
                "fo-2",
                "IN_PROGRESS",
                "UNSUBMITTED",
                HOME,
                null,
                List.of(),
                Set.of("CREATE_FULFILLMENT"),
                List.of(new FoLine("fol-2", LINE_B, 1)));
        var there = fo("3", "OPEN", NORTH, List.of(), new FoLine("fol-3", LINE_A, 1));

        assertThat(state(movable, there).planAt(Map.of(LINE_A, 1), NORTH))
                .isInstanceOfSatisfying(
                        Plan.Create.class,
                        create -> assertThat(create.creates())
                                .singleElement()
                                .satisfies(
                                        c -> assertThat(c.byFulfillmentOrder()).containsOnlyKeys("fo-3")));
        assertThat(state(movable, there).planAt(Map.of(LINE_A, 3), NORTH))
                .isEqualTo(new Plan.Move(NORTH, Map.of("fo-1", Map.of("fol-1", 2))));
        assertThat(state(stuck, there).planAt(Map.of(LINE_B, 1), NORTH))
                .isInstanceOfSatisfying(
                        Plan.Refuse.class,
                        refuse -> assertThat(refuse.reason())
                                .contains("Cannot ship from " + NORTH)
                                .contains("1 of B at " + HOME)
                                .contains("cannot be moved"));
    }

    @Test
    void releasesOnlyThisAppsHoldsAndOpensScheduledOrders() {
        var ours = new Hold("h-ours", "OTHER", "packing check", true);
        var merchants = new Hold("h-merchant", "HIGH_RISK_OF_FRAUD", null, false);
        var state = state(
                fo("1", "ON_HOLD", HOME, List.of(ours), new FoLine("fol-1", LINE_A, 1)),
                fo("2", "SCHEDULED", NORTH, List.of(), new FoLine("fol-2", LINE_B, 1)),
                fo("3", "ON_HOLD", NORTH, List.of(merchants), new FoLine("fol-3", LINE_B, 0)));

        FulfillmentState.Release release = state.release(Set.of(LINE_A, LINE_B));

        assertThat(release.holdsByFulfillmentOrder()).containsExactly(Map.entry("fo-1", List.of("h-ours")));
        assertThat(release.toOpen()).containsExactly("fo-2");
        // Nothing of the shipment remains in the merchant's held fulfillment order: it is not in the way.
        assertThat(release.notOurs()).isEmpty();
        var blocked = state(fo("4", "ON_HOLD", HOME, List.of(merchants), new FoLine("fol-4", LINE_A, 1)));
        assertThat(blocked.release(Set.of(LINE_A)).notOurs())
                .singleElement()
                .asString()
                .contains("held by the merchant or another app")
                .contains("HIGH_RISK_OF_FRAUD");
    }

    @Test
    void sendsOneTrackingNumberWithItsUrlAndSeveralAsPairsNamingKnownCarriersAsShopifyDoes() {
        var one = DuplicateSafeShopifyFulfillments.trackingInput(
                new ShopifyFulfillments.Tracking("fedex", List.of("1Z1"), "https://t.example/1Z1"));
        var several = DuplicateSafeShopifyFulfillments.trackingInput(
                new ShopifyFulfillments.Tracking("Acme Freight", List.of("A1", "A2"), "https://t.example/A"));

        assertThat(one)
                .containsOnly(
                        Map.entry("number", "1Z1"),
                        Map.entry("url", "https://t.example/1Z1"),
                        Map.entry("company", "FedEx"));
        assertThat(several)
                .containsOnly(
                        Map.entry("numbers", List.of("A1", "A2")),
                        Map.entry("urls", List.of("https://t.example/A", "https://t.example/A")),
                        Map.entry("company", "Acme Freight"));
        assertThat(TrackingCompanies.shopifyName("royal-mail")).isEqualTo("Royal Mail");
        assertThat(TrackingCompanies.shopifyName(" DHL EXPRESS ")).isEqualTo("DHL Express");
        assertThat(TrackingCompanies.shopifyName("DHL")).isEqualTo("DHL");
    }

    private static FulfillmentOrder fo(String id, String status, String location, List<Hold> holds, FoLine... lines) {
        return new FulfillmentOrder("fo-" + id, status, "UNSUBMITTED", location, null, holds, Set.of(), List.of(lines));
    }

    private static FulfillmentState state(FulfillmentOrder... fulfillmentOrders) {
        return new FulfillmentState(
                List.of(new OrderLine(LINE_A, "A", 3), new OrderLine(LINE_B, "B", 3)),
                List.of(fulfillmentOrders),
                List.of());
    }
}
