package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class SimulatedBulkOperationsTest {

    private static final String SHOP = "bulk-sim.myshopify.com";
    private static final String TOKEN = "shpat_bulk";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = """
            mutation Run($query: String!, $groupObjects: Boolean!) {
              bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
                bulkOperation { id status }
                userErrors { field message code }
              }
            }
            """;
    private static final String ORDERS = """
            {
              orders(query: "updated_at:>='2020-01-01T00:00:00Z'", sortKey: UPDATED_AT) {
                edges { node { id name lineItems { edges { node { id sku quantity } } } } }
              }
            }
            """;

    private final ShopifySimulator simulator =
            ShopifySimulator.builder().port(0).shop(SHOP, TOKEN).start();
    private final SimulatorFixtures shopify = new SimulatorFixtures(simulator, SHOP, TOKEN);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aCompletedOperationServesEachOrderWithItsLineItemsOnTheLinesBelowIt() throws Exception {
        SimulatedOrder first = order("MUG", "CUP");
        SimulatedOrder second = order("PLATE");

        JsonNode operation = awaitFinished(start(ORDERS, true));

        assertThat(operation.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(operation.path("rootObjectCount").asString()).isEqualTo("2");
        assertThat(operation.path("objectCount").asString()).isEqualTo("5");
        List<JsonNode> lines = download(operation.path("url").asString());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).path("id").asString()).isEqualTo(first.gid());
        assertThat(lines.get(0).has("lineItems"))
                .as("connections are not inline")
                .isFalse();
        assertThat(lines.get(1).path("__parentId").asString()).isEqualTo(first.gid());
        assertThat(lines.get(1).path("sku").asString()).isEqualTo("MUG");
        assertThat(lines.get(2).path("__parentId").asString()).isEqualTo(first.gid());
        assertThat(lines.get(3).path("id").asString()).isEqualTo(second.gid());
        assertThat(lines.get(4).path("__parentId").asString()).isEqualTo(second.gid());
        assertThat(Long.parseLong(operation.path("fileSize").asString())).isPositive();
    }

    @Test
    void withoutGroupingTheLineItemsFollowTheirPagesOrders() throws Exception {
        SimulatedOrder first = order("MUG");
        SimulatedOrder second = order("PLATE");

        JsonNode operation = awaitFinished(start(ORDERS, false));

        List<JsonNode> lines = download(operation.path("url").asString());
        assertThat(lines)
                .extracting(line -> line.path("id").asString().replaceAll("/\\d+$", ""))
                .containsExactly(
                        "gid://shopify/Order",
                        "gid://shopify/Order",
                        "gid://shopify/LineItem",
                        "gid://shopify/LineItem");
        assertThat(lines.get(2).path("__parentId").asString()).isEqualTo(first.gid());
        assertThat(lines.get(3).path("__parentId").asString()).isEqualTo(second.gid());
    }

    @Test
    void aHeldOperationIsRunningUntilReleasedAndReadableThroughEveryQuery() throws Exception {
        simulator.store().bulkOperations().hold();
        String id = start(ORDERS, true);

        await().atMost(Duration.ofSeconds(5)).until(() -> status(id).equals("RUNNING"));
        JsonNode node =
                graphql("query($id: ID!) { node(id: $id) { ... on BulkOperation { id status } } }", Map.of("id", id));
        JsonNode current = graphql("{ currentBulkOperation { id status } }", Map.of());
        assertThat(node.at("/data/node/status").asString()).isEqualTo("RUNNING");
        assertThat(current.at("/data/currentBulkOperation/id").asString()).isEqualTo(id);

        simulator.store().bulkOperations().release();
        assertThat(awaitFinished(id).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aCanceledOperationEndsCanceled() throws Exception {
        simulator.store().bulkOperations().hold();
        String id = start(ORDERS, true);

        JsonNode canceled = graphql(
                "mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { message } } }",
                Map.of("id", id));
        simulator.store().bulkOperations().release();

        assertThat(canceled.at("/data/bulkOperationCancel/bulkOperation/status").asString())
                .isEqualTo("CANCELING");
        assertThat(awaitFinished(id).path("status").asString()).isEqualTo("CANCELED");
    }

    @Test
    void anOperationMadeToFailReportsItsErrorCode() throws Exception {
        simulator.store().bulkOperations().failNext("TIMEOUT");

        JsonNode operation = awaitFinished(start(ORDERS, true));

        assertThat(operation.path("status").asString()).isEqualTo("FAILED");
        assertThat(operation.path("errorCode").asString()).isEqualTo("TIMEOUT");
        assertThat(operation.path("url").isNull()).isTrue();
    }

    @Test
    void anOperationThatFoundNothingHasNoFile() throws Exception {
        JsonNode operation = awaitFinished(start(ORDERS, true));

        assertThat(operation.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(operation.path("objectCount").asString()).isEqualTo("0");
        assertThat(operation.path("url").isNull()).isTrue();
    }

    @Test
    void aQueryWithoutAConnectionIsRefused() throws Exception {
        JsonNode response = graphql(RUN, Map.of("query", "{ shop { name } }", "groupObjects", true));

        assertThat(response.at("/data/bulkOperationRunQuery/userErrors/0/code").asString())
                .isEqualTo("INVALID");
        assertThat(response.at("/data/bulkOperationRunQuery/bulkOperation").isNull())
                .isTrue();
    }

    @Test
    void aSixthConcurrentOperationReachesTheLimit() throws Exception {
        simulator.store().bulkOperations().hold();
        for (int i = 0; i < SimulatedBulkOperations.CONCURRENT_LIMIT; i++) {
            start(ORDERS, true);
        }

        JsonNode refused = graphql(RUN, Map.of("query", ORDERS, "groupObjects", true));

        assertThat(refused.at("/data/bulkOperationRunQuery/userErrors/0/code").asString())
                .isEqualTo("LIMIT_REACHED");
        simulator.store().bulkOperations().release();
    }

    private SimulatedOrder order(String... skus) {
        var lines = java.util.Arrays.stream(skus)
                .map(sku -> Map.<String, Object>of(
                        "title",
                        sku,
                        "sku",
                        sku,
                        "quantity",
                        1,
                        "priceSet",
                        Map.of("shopMoney", Map.of("amount", "5.00", "currencyCode", "EUR"))))
                .toList();
        return simulator
                .store()
                .createOrderInAdmin(SHOP, Map.of("email", "bulk@example.com", "currency", "EUR", "lineItems", lines));
    }

    private String start(String query, boolean groupObjects) throws Exception {
        JsonNode response = graphql(RUN, Map.of("query", query, "groupObjects", groupObjects));
        assertThat(response.at("/data/bulkOperationRunQuery/userErrors").isEmpty())
                .as(response.toString())
                .isTrue();
        return response.at("/data/bulkOperationRunQuery/bulkOperation/id").asString();
    }

    private String status(String id) throws Exception {
        return graphql("query($id: ID!) { bulkOperation(id: $id) { status } }", Map.of("id", id))
                .at("/data/bulkOperation/status")
                .asString();
    }

    private JsonNode awaitFinished(String id) throws Exception {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> List.of("COMPLETED", "FAILED", "CANCELED").contains(status(id)));
        return graphql(
                        "query($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url } }",
                        Map.of("id", id))
                .at("/data/bulkOperation");
    }

    private List<JsonNode> download(String url) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            HttpResponse<java.util.stream.Stream<String>> response =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body().map(JSON::readTree).toList();
        }
    }

    private JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        return shopify.graphql(query, variables);
    }
}
