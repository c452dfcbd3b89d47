package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@Tag("unit")
class SimulatedFulfillmentOrdersTest {

    private static final String SHOP = "fo-test.myshopify.com";
    private static final String TOKEN = "shpat_fo";
    private static final String HOME = SimulatedFulfillments.DEFAULT_LOCATION;
    private static final String NORTH = "gid://shopify/Location/2";
    private static final String SOUTH = "gid://shopify/Location/3";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FULFILLMENT_ORDERS = """
            query($id: ID!, $after: String, $displayable: Boolean) {
              order(id: $id) {
                fulfillmentOrders(first: 2, after: $after, displayable: $displayable) {
                  pageInfo { hasNextPage endCursor }
                  nodes {
                    id status supportedActions { action } assignedLocation { location { id } }
                    fulfillmentHolds { id heldByRequestingApp reasonNotes }
                    lineItems(first: 10) { nodes { id remainingQuantity lineItem { id } } }
                  }
                }
              }
            }
            """;

    private final ShopifySimulator simulator =
            ShopifySimulator.builder().port(0).shop(SHOP, TOKEN).start();
    private final SimulatorFixtures shopify = new SimulatorFixtures(simulator, SHOP, TOKEN);
    private final SimulatedFulfillments fulfillments = simulator.store().fulfillments();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void hidesFulfillmentOrdersClosedByMovesFromDisplayableReadsAndPagesThroughTheRest() throws Exception {
        SimulatedOrder order = order(3, 2, 1);
        fulfillments.assign(order, 0, 1, NORTH);
        fulfillments.assign(order, 1, 1, NORTH);
        fulfillments.assign(order, 2, 1, SOUTH);

        List<JsonNode> displayable = allPages(order, true);
        List<JsonNode> all = allPages(order, false);

        assertThat(displayable)
                .extracting(fo -> fo.at("/assignedLocation/location/id").asString())
                .containsExactlyInAnyOrder(HOME, NORTH, SOUTH);
        assertThat(displayable)
                .allSatisfy(fo -> assertThat(fo.path("status").asString()).isIn("OPEN", "IN_PROGRESS"));
        // The first fulfillment order at NORTH was closed when the second line moved there, and recreated.
        assertThat(all).hasSizeGreaterThan(displayable.size());
        assertThat(all)
                .anySatisfy(fo -> assertThat(fo.path("status").asString()).isEqualTo("CLOSED"));
        assertThat(remaining(displayable)).isEqualTo(6);
    }

    @Test
    void takesRefundedAndRemovedQuantityOutOfWhatRemains() throws Exception {
        SimulatedOrder order = order(3);

        fulfillments.removeUnfulfilled(order, 0, 2);

        assertThat(remaining(allPages(order, true))).isEqualTo(1);
    }

    @Test
    void releasesHoldsOnlyOnAFulfillmentOrderOnHoldAndRefusesForeignHoldIds() throws Exception {
        SimulatedOrder order = order(1);
        fulfillments.hold(order, HOME, "awaiting payment", true);
        JsonNode held = allPages(order, true).getFirst();
        assertThat(held.path("status").asString()).isEqualTo("ON_HOLD");
        assertThat(actions(held)).contains("RELEASE_HOLD").doesNotContain("CREATE_FULFILLMENT");
        assertThat(held.at("/fulfillmentHolds/0/heldByRequestingApp").asBoolean())
                .isTrue();
        String foGid = held.path("id").asString();

        assertThat(release(foGid, List.of("gid://shopify/FulfillmentHold/1")).path("userErrors"))
                .isNotEmpty();
        JsonNode released =
                release(foGid, List.of(held.at("/fulfillmentHolds/0/id").asString()));
        JsonNode again = release(foGid, null);

        assertThat(released.path("userErrors")).isEmpty();
        assertThat(released.at("/fulfillmentOrder/status").asString()).isEqualTo("OPEN");
        assertThat(again.at("/userErrors/0/message").asString()).contains("not on hold");
    }

    @Test
    void opensOnlyAScheduledFulfillmentOrder() throws Exception {
        SimulatedOrder order = order(1);
        fulfillments.schedule(order, HOME, OffsetDateTime.now().plusDays(3));
        JsonNode scheduled = allPages(order, true).getFirst();
        assertThat(actions(scheduled)).contains("MARK_AS_OPEN").doesNotContain("CREATE_FULFILLMENT");

        JsonNode opened = open(scheduled.path("id").asString());
        JsonNode again = open(scheduled.path("id").asString());

        assertThat(opened.at("/fulfillmentOrder/status").asString()).isEqualTo("OPEN");
        assertThat(again.path("userErrors")).isNotEmpty();
    }

    @Test
    void movesPartOfAFulfillmentOrderButNothingClosed() throws Exception {
        SimulatedOrder order = order(3);
        JsonNode fo = allPages(order, true).getFirst();
        String foLine = fo.at("/lineItems/nodes/0/id").asString();

        JsonNode tooMuch = move(fo.path("id").asString(), NORTH, List.of(Map.of("id", foLine, "quantity", 4)));
        JsonNode moved = move(fo.path("id").asString(), NORTH, List.of(Map.of("id", foLine, "quantity", 2)));
        List<JsonNode> afterMove = allPages(order, true);
        fulfillments.fulfilInAdmin(order, NORTH, "BY-HAND");
        JsonNode closed = move(moved.at("/movedFulfillmentOrder/id").asString(), SOUTH, null);

        assertThat(tooMuch.path("userErrors")).isNotEmpty();
        assertThat(moved.path("userErrors")).isEmpty();
        assertThat(afterMove)
                .extracting(f -> f.at("/assignedLocation/location/id").asString())
                .containsExactlyInAnyOrder(HOME, NORTH);
        assertThat(closed.at("/userErrors/0/message").asString()).contains("closed");
    }

    @Test
    void refusesTrackingThatMixesTheSingleAndTheListForms() {
        assertThat(SimulatedFulfillments.trackingContractBreach(Map.of("number", "1Z", "numbers", List.of("1Z", "2Z"))))
                .contains("not both");
        assertThat(SimulatedFulfillments.trackingContractBreach(Map.of("url", "https://t.example/1")))
                .contains("needs a tracking number");
        assertThat(SimulatedFulfillments.trackingContractBreach(Map.of(
                        "numbers", List.of("1Z", "2Z"), "urls", List.of("https://t.example/1", "https://t.example/2"))))
                .isNull();
    }

    @Test
    void takesMerchantActionsThroughItsAdminEndpoint() throws Exception {
        SimulatedOrder order = order(2);
        Map<String, Object> body =
                Map.of("shop", SHOP, "order", order.gid(), "action", "hold", "reason", "fraud check");

        HttpResponse<String> held = post("/_sim/fulfillment-orders", body);
        HttpResponse<String> unknown =
                post("/_sim/fulfillment-orders", Map.<String, Object>of("shop", SHOP, "order", "nope"));

        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(held.body()).at("/0/status").asString()).isEqualTo("ON_HOLD");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private SimulatedOrder order(int... quantities) {
        var lines = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < quantities.length; i++) {
            lines.add(Map.of("sku", "SKU-" + i, "title", "Item " + i, "quantity", quantities[i]));
        }
        return simulator.store().createOrderInAdmin(SHOP, Map.of("currency", "EUR", "lineItems", lines));
    }

    private List<JsonNode> allPages(SimulatedOrder order, boolean displayable) throws Exception {
        var nodes = new java.util.ArrayList<JsonNode>();
        String after = null;
        do {
            var variables = new HashMap<String, Object>();
            variables.put("id", order.gid());
            variables.put("after", after);
            variables.put("displayable", displayable);
            JsonNode page = graphql(FULFILLMENT_ORDERS, variables).at("/data/order/fulfillmentOrders");
            page.path("nodes").forEach(nodes::add);
            after = page.at("/pageInfo/hasNextPage").asBoolean()
                    ? page.at("/pageInfo/endCursor").asString()
                    : null;
        } while (after != null);
        return nodes;
    }

    private static int remaining(List<JsonNode> fulfillmentOrders) {
        int sum = 0;
        for (JsonNode fo : fulfillmentOrders) {
            for (JsonNode line : fo.at("/lineItems/nodes")) {
                sum += line.path("remainingQuantity").asInt();
            }
        }
        return sum;
    }

    private static List<String> actions(JsonNode fo) {
        var actions = new java.util.ArrayList<String>();
        fo.path("supportedActions").forEach(a -> actions.add(a.path("action").asString()));
        return actions;
    }

    private JsonNode release(String foGid, List<String> holdIds) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put("id", foGid);
        variables.put("holdIds", holdIds);
        return graphql("""
                        mutation($id: ID!, $holdIds: [ID!]) {
                          fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
                            fulfillmentOrder { id status } userErrors { field message }
                          }
                        }
                        """, variables).at("/data/fulfillmentOrderReleaseHold");
    }

    private JsonNode move(String foGid, String location, List<Map<String, Object>> lines) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put("id", foGid);
        variables.put("location", location);
        variables.put("lines", lines);
        return graphql("""
                        mutation($id: ID!, $location: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
                          fulfillmentOrderMove(id: $id, newLocationId: $location, fulfillmentOrderLineItems: $lines) {
                            movedFulfillmentOrder { id } userErrors { field message }
                          }
                        }
                        """, variables).at("/data/fulfillmentOrderMove");
    }

    private JsonNode open(String foGid) throws Exception {
        return graphql("""
                        mutation($id: ID!) {
                          fulfillmentOrderOpen(id: $id) { fulfillmentOrder { id status } userErrors { field message } }
                        }
                        """, Map.of("id", foGid)).at("/data/fulfillmentOrderOpen");
    }

    private JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        return shopify.graphqlWithoutErrors(query, variables);
    }

    private HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
        return shopify.post(path, body);
    }
}
