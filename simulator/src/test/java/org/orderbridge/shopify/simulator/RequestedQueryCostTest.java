package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Shopify's requested cost, worked out before a query runs, and its refusal of any query over 1,000 points. */
class RequestedQueryCostTest {

    private static final String SHOP = "sim-cost.myshopify.com";
    private static final String TOKEN = "shpat_sim_cost";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FULFILLMENTS = """
            query($id: ID!, $orders: Int!, $lines: Int!) {
              order(id: $id) {
                id
                fulfillmentOrders(first: $orders) {
                  pageInfo { hasNextPage }
                  nodes { id lineItems(first: $lines) { pageInfo { hasNextPage } nodes { id lineItem { id } } } }
                }
                fulfillments(first: 5) { id fulfillmentLineItems(first: $lines) { nodes { quantity } } }
              }
            }
            """;

    private final ShopifySimulator simulator =
            ShopifySimulator.builder().port(0).shop(SHOP, TOKEN).start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void multipliesNestedConnectionsAndListsWithFirst() {
        int cost = RequestedQueryCost.of(
                Parser.parse(FULFILLMENTS), Map.of("id", "gid://shopify/Order/1", "orders", 10, "lines", 50));

        // order 1 + (2 + 10 x (1 + (2 + 50 x 2))) + (2 + 5 x (1 + (2 + 50 x 1)))
        assertThat(cost).isEqualTo(1 + 1032 + 267);
    }

    @Test
    void refusesAnyQueryRequestingMoreThanAThousandPointsAndChargesNothing() throws Exception {
        SimulatedOrder order = simulator.orderActivity().create(SHOP, order());

        JsonNode refused = post(Map.of("id", order.gid(), "orders", 10, "lines", 50));
        JsonNode answered = post(Map.of("id", order.gid(), "orders", 5, "lines", 20));

        assertThat(refused.at("/errors/0/extensions/code").asString()).isEqualTo("MAX_COST_EXCEEDED");
        assertThat(refused.at("/errors/0/extensions/cost").asInt()).isEqualTo(1300);
        assertThat(refused.at("/errors/0/extensions/maxCost").asInt()).isEqualTo(1000);
        assertThat(refused.path("data").isMissingNode()).isTrue();
        assertThat(answered.path("errors").isMissingNode()).isTrue();
        assertThat(answered.at("/data/order/fulfillmentOrders/nodes")).hasSize(1);
        assertThat(answered.at("/data/order/fulfillmentOrders/pageInfo/hasNextPage")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void showsOnlyTheFirstLinesOfAFulfillmentOrderAndSaysThatThereAreMore() throws Exception {
        SimulatedOrder order = simulator.orderActivity().create(SHOP, order());

        JsonNode lines = post(Map.of("id", order.gid(), "orders", 1, "lines", 2))
                .at("/data/order/fulfillmentOrders/nodes/0/lineItems");

        assertThat(lines.path("nodes")).hasSize(2);
        assertThat(lines.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
    }

    private static Map<String, Object> order() {
        return Map.of(
                "email",
                "cost@example.com",
                "currency",
                "EUR",
                "shippingAddress",
                Map.of("firstName", "Ada", "lastName", "L", "countryCode", "DE"),
                "lineItems",
                List.of(line("A"), line("B"), line("C")));
    }

    private static Map<String, Object> line(String sku) {
        return Map.of(
                "title",
                "Item " + sku,
                "sku",
                sku,
                "quantity",
                1,
                "priceSet",
                Map.of("shopMoney", Map.of("amount", "9.50", "currencyCode", "EUR")));
    }

    private JsonNode post(Map<String, Object> variables) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + simulator.port() + "/" + SHOP + "/admin/api/2026-10/graphql.json"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("query", FULFILLMENTS, "variables", variables))))
                .build();
        try (var http = HttpClient.newHttpClient()) {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }
}
