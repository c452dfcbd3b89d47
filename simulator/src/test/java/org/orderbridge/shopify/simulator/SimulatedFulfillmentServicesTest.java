package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A fulfillment service, its location, the merchant's requests and the service's answers, as Shopify has them. */
@Tag("unit")
class SimulatedFulfillmentServicesTest {

    private static final String SHOP = "fs-test.myshopify.com";
    private static final String TOKEN = "shpat_fs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = """
            mutation($name: String!) {
              fulfillmentServiceCreate(name: $name, callbackUrl: "https://wh.example.com/fs") {
                fulfillmentService { id serviceName location { id } }
                userErrors { field message }
              }
            }
            """;
    private static final String FULFILLMENT_ORDER = """
            query($id: ID!) {
              fulfillmentOrder(id: $id) { id orderId status requestStatus supportedActions { action } }
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
    void registersAServiceWithItsOwnLocationOncePerName() throws Exception {
        JsonNode created = graphql(CREATE, Map.of("name", "Warehouse")).at("/data/fulfillmentServiceCreate");
        String location = created.at("/fulfillmentService/location/id").asString();

        assertThat(location).startsWith("gid://shopify/Location/").isNotEqualTo(SimulatedFulfillments.DEFAULT_LOCATION);
        assertThat(graphql(CREATE, Map.of("name", "warehouse"))
                        .at("/data/fulfillmentServiceCreate/userErrors/0/message")
                        .asString())
                .isEqualTo("Name has already been taken");
        assertThat(graphql(CREATE, Map.of("name", " "))
                        .at("/data/fulfillmentServiceCreate/userErrors/0/message")
                        .asString())
                .isEqualTo("Name can't be blank");
        JsonNode listed = graphql("{ shop { fulfillmentServices { id serviceName location { id } } } }", Map.of())
                .at("/data/shop/fulfillmentServices");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).at("/location/id").asString()).isEqualTo(location);
    }

    @Test
    void aRequestIsAnsweredOnceAndOnlyAnAcceptedOneIsFulfilled() throws Exception {
        String fo = serviceFulfillmentOrder();
        assertThat(actions(fo)).containsExactly("REQUEST_FULFILLMENT", "HOLD", "MOVE");
        assertThat(answer("fulfillmentOrderAcceptFulfillmentRequest", fo))
                .isEqualTo("Fulfillment order has no submitted fulfillment request.");
        assertThat(fulfil(fo)).contains("must accept its fulfillment request first");

        Map<String, Object> webhook = fulfillments.submitFulfillmentRequest(SHOP, fo, "Fragile");
        assertThat(webhook).containsKeys("original_fulfillment_order", "submitted_fulfillment_order");
        assertThat(state(fo).path("requestStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(assigned("FULFILLMENT_REQUESTED")).containsExactly(fo);

        assertThat(answer("fulfillmentOrderAcceptFulfillmentRequest", fo)).isNull();
        assertThat(answer("fulfillmentOrderAcceptFulfillmentRequest", fo))
                .isEqualTo("Fulfillment order has no submitted fulfillment request.");
        assertThat(answer("fulfillmentOrderRejectFulfillmentRequest", fo))
                .isEqualTo("Fulfillment order has no submitted fulfillment request.");
        assertThat(state(fo).path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(state(fo).path("orderId").asString()).startsWith("gid://shopify/Order/");
        assertThat(actions(fo)).contains("CREATE_FULFILLMENT", "REQUEST_CANCELLATION");
        assertThat(assigned("FULFILLMENT_ACCEPTED")).containsExactly(fo);
        assertThat(fulfil(fo)).isNull();
    }

    @Test
    void aCancellationRequestIsTakenOnlyForAnAcceptedRequestAndAnsweredOnce() throws Exception {
        String fo = serviceFulfillmentOrder();
        assertThatThrownBy(() -> fulfillments.submitCancellationRequest(SHOP, fo, null))
                .isInstanceOf(IllegalStateException.class);
        fulfillments.submitFulfillmentRequest(SHOP, fo, null);
        assertThat(answer("fulfillmentOrderAcceptFulfillmentRequest", fo)).isNull();

        fulfillments.submitCancellationRequest(SHOP, fo, "Changed mind");
        assertThat(assigned("CANCELLATION_REQUESTED")).containsExactly(fo);
        assertThat(answer("fulfillmentOrderAcceptCancellationRequest", fo)).isNull();
        assertThat(answer("fulfillmentOrderRejectCancellationRequest", fo))
                .isEqualTo("Fulfillment order has no pending cancellation request.");
        assertThat(state(fo).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(state(fo).path("requestStatus").asString()).isEqualTo("CANCELLATION_ACCEPTED");
        // What was not fulfilled goes back to an unsubmitted fulfillment order at the service's location.
        assertThat(assigned("FULFILLMENT_UNSUBMITTED")).hasSize(1).doesNotContain(fo);
    }

    @Test
    void aPartialRequestSplitsOffTheRequestedItemsAndLeavesTheRestUnsubmitted() throws Exception {
        SimulatedOrder order = serviceOrder(
                Map.of("sku", "SKU-0", "title", "Item", "quantity", 2),
                Map.of("sku", "SKU-1", "title", "Other", "quantity", 1));
        String fo = fulfillments.fulfillmentOrderViews(order).getFirst().gid();

        Map<String, Object> webhook = fulfillments.submitFulfillmentRequest(SHOP, fo, null, Map.of(0, 1));

        String submitted = gid(webhook, "submitted_fulfillment_order");
        String unsubmitted = gid(webhook, "unsubmitted_fulfillment_order");
        assertThat(gid(webhook, "original_fulfillment_order")).isEqualTo(fo);
        assertThat(List.of(submitted, unsubmitted)).doesNotContain(fo).doesNotHaveDuplicates();
        assertThat(state(submitted).path("requestStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(state(unsubmitted).path("requestStatus").asString()).isEqualTo("UNSUBMITTED");
        assertThat(state(fo).path("status").asString()).isEqualTo("CLOSED");
        assertThat(assigned("FULFILLMENT_REQUESTED")).containsExactly(submitted);
        assertThat(assigned("FULFILLMENT_UNSUBMITTED")).containsExactly(unsubmitted);
        String first = SimulatedFulfillments.lineItemGid(order, 0);
        String second = SimulatedFulfillments.lineItemGid(order, 1);
        assertThat(remaining(order, submitted)).containsExactly(Map.entry(first, 1));
        assertThat(remaining(order, unsubmitted)).containsExactly(Map.entry(first, 1), Map.entry(second, 1));
        assertThat(actions(unsubmitted)).doesNotContain("CREATE_FULFILLMENT");
        assertThatThrownBy(() -> fulfillments.submitFulfillmentRequest(SHOP, unsubmitted, null, Map.of(1, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not between 1 and the 1 that remain");
        assertThatThrownBy(() -> fulfillments.submitFulfillmentRequest(SHOP, unsubmitted, null, Map.of(5, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no line 5");
    }

    @Test
    void theMerchantsRequestsComeThroughTheAdminEndpoint() throws Exception {
        String fo = serviceFulfillmentOrder();
        assertThat(post("/_sim/fulfillment-requests", Map.of("shop", SHOP, "fulfillmentOrder", fo, "kind", "x"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "/_sim/fulfillment-requests",
                                Map.of("shop", SHOP, "fulfillmentOrder", fo, "kind", "cancellation"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(post(
                                "/_sim/fulfillment-requests",
                                Map.of("shop", SHOP, "fulfillmentOrder", fo, "kind", "fulfillment"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(state(fo).path("requestStatus").asString()).isEqualTo("SUBMITTED");
    }

    private String serviceFulfillmentOrder() throws Exception {
        SimulatedOrder order = serviceOrder(Map.of("sku", "SKU-0", "title", "Item", "quantity", 2));
        return fulfillments.fulfillmentOrderViews(order).getFirst().gid();
    }

    /** An order placed in the admin whose items the app's fulfillment service stocks. */
    @SafeVarargs
    private SimulatedOrder serviceOrder(Map<String, Object>... lineItems) throws Exception {
        String location = graphql(CREATE, Map.of("name", "Warehouse"))
                .at("/data/fulfillmentServiceCreate/fulfillmentService/location/id")
                .asString();
        fulfillments.routeNewOrdersTo(SHOP, location);
        return simulator.store().createOrderInAdmin(SHOP, Map.of("currency", "EUR", "lineItems", List.of(lineItems)));
    }

    @SuppressWarnings("unchecked")
    private static String gid(Map<String, Object> webhook, String field) {
        return String.valueOf(((Map<String, Object>) webhook.get(field)).get("id"));
    }

    private Map<String, Integer> remaining(SimulatedOrder order, String fo) {
        return fulfillments.fulfillmentOrderViews(order).stream()
                .filter(v -> v.gid().equals(fo))
                .findFirst()
                .orElseThrow()
                .remaining();
    }

    private JsonNode state(String fo) throws Exception {
        return graphql(FULFILLMENT_ORDER, Map.of("id", fo)).at("/data/fulfillmentOrder");
    }

    private List<String> actions(String fo) throws Exception {
        var actions = new java.util.ArrayList<String>();
        state(fo)
                .path("supportedActions")
                .forEach(a -> actions.add(a.path("action").asString()));
        return actions;
    }

    private List<String> assigned(String status) throws Exception {
        var ids = new java.util.ArrayList<String>();
        graphql(
                        "query($s: FulfillmentOrderAssignmentStatus) { assignedFulfillmentOrders(first: 10,"
                                + " assignmentStatus: $s) { nodes { id } } }",
                        Map.of("s", status))
                .at("/data/assignedFulfillmentOrders/nodes")
                .forEach(n -> ids.add(n.path("id").asString()));
        return ids;
    }

    /** @return the first userError's message, or null when Shopify took the answer */
    private String answer(String mutation, String fo) throws Exception {
        JsonNode payload = graphql(
                        "mutation($id: ID!) { " + mutation
                                + "(id: $id) { fulfillmentOrder { id } userErrors { message } } }",
                        Map.of("id", fo))
                .at("/data/" + mutation);
        return payload.path("userErrors").isEmpty()
                ? null
                : payload.path("userErrors").get(0).path("message").asString();
    }

    private String fulfil(String fo) throws Exception {
        JsonNode payload = graphql(
                        "mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) {"
                                + " fulfillment { id } userErrors { message } } }",
                        Map.of(
                                "f",
                                Map.of(
                                        "lineItemsByFulfillmentOrder",
                                        List.of(Map.of("fulfillmentOrderId", fo)),
                                        "trackingInfo",
                                        Map.of("number", "1Z1"))))
                .at("/data/fulfillmentCreate");
        return payload.path("userErrors").isEmpty()
                ? null
                : payload.path("userErrors").get(0).path("message").asString();
    }

    private JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        return shopify.graphqlWithoutErrors(query, variables);
    }

    private HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
        return shopify.post(path, body);
    }
}
