package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The {@code orders} connection, its cost, and orders changed in the shop with their (faulty) webhooks. */
class SimulatedOrdersQueryTest {

    private static final String SHOP = "sim-orders.myshopify.com";
    private static final String TOKEN = "shpat_sim_orders";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS = """
            query Orders($query: String, $first: Int!, $after: String, $lines: Int!) {
              orders(query: $query, sortKey: UPDATED_AT, first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  id legacyResourceId name updatedAt note tags displayFinancialStatus
                  customer { legacyResourceId firstName }
                  totalPriceSet { shopMoney { amount } }
                  lineItems(first: $lines) { pageInfo { hasNextPage } nodes { id title quantity } }
                }
              }
            }
            """;

    private final List<Map<String, String>> webhooks = new CopyOnWriteArrayList<>();
    private final HttpServer receiver = receiver();
    private final ShopifySimulator simulator = ShopifySimulator.builder()
            .port(0)
            .shop(SHOP, TOKEN)
            .webhooks(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks"), "secret")
            .start();

    @AfterEach
    void stop() {
        simulator.close();
        receiver.stop(0);
    }

    @Test
    void pagesThroughOrdersUpdatedSinceATimeOldestUpdateFirst() throws Exception {
        var orders = new ArrayList<SimulatedOrder>();
        for (int i = 0; i < 7; i++) {
            orders.add(simulator.orderActivity().create(SHOP, input(i, 1)));
        }
        Instant afterCreates = Instant.now();
        simulator.orderActivity().update(orders.get(2), "changed", List.of("vip"), "paid");

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = orders("updated_at:>='" + orders.get(0).createdAt() + "'", 3, cursor, 5);
            page.at("/data/orders/nodes").forEach(n -> seen.add(n.path("name").asString()));
            cursor = page.at("/data/orders/pageInfo/hasNextPage").asBoolean()
                    ? page.at("/data/orders/pageInfo/endCursor").asString()
                    : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        // The changed order moved to the end: it was updated last.
        assertThat(seen).containsExactly("#1001", "#1002", "#1004", "#1005", "#1006", "#1007", "#1003");
        JsonNode changed =
                orders("updated_at:>'" + afterCreates + "'", 10, null, 5).at("/data/orders/nodes");
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).path("note").asString()).isEqualTo("changed");
        assertThat(changed.get(0).path("displayFinancialStatus").asString()).isEqualTo("PAID");
        assertThat(changed.get(0).at("/tags/0").asString()).isEqualTo("vip");
    }

    @Test
    void chargesTheRequestedCostOfAConnectionAndRefundsWhatTheAnswerDidNotHold() throws Exception {
        simulator.orderActivity().create(SHOP, input(0, 3));

        JsonNode response = orders(null, 10, null, 20);

        JsonNode cost = response.at("/extensions/cost");
        // 2 + 10 x (order 1 + customer 1 + totalPriceSet 2 + lineItems (2 + 20 x 1))
        assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(262);
        // One order with three lines: 2 + (1 + 1 + 2 + (2 + 3))
        assertThat(cost.path("actualQueryCost").asInt()).isEqualTo(11);
        assertThat(cost.at("/throttleStatus/currentlyAvailable").asInt()).isGreaterThanOrEqualTo(1000 - 11);
    }

    @Test
    void refusesAPageWhoseRequestedCostExceedsAThousandPoints() throws Exception {
        JsonNode response = orders(null, 250, null, 250);

        assertThat(response.at("/errors/0/extensions/code").asString()).isEqualTo("MAX_COST_EXCEEDED");
    }

    @Test
    void showsOnlyTheFirstLinesOfAnOrderAndSaysThatThereAreMore() throws Exception {
        simulator.orderActivity().create(SHOP, input(0, 3));

        JsonNode lines = orders(null, 1, null, 2).at("/data/orders/nodes/0/lineItems");

        assertThat(lines.path("nodes")).hasSize(2);
        assertThat(lines.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void losesDoublesAndShufflesHeldWebhooksAsConfigured() {
        simulator.webhookFaults().seed(7).set(SHOP, new WebhookFaults.Settings(0.3, 0.5, true));
        for (int i = 0; i < 100; i++) {
            simulator.orderActivity().create(SHOP, input(i, 1));
        }
        assertThat(webhooks).isEmpty();

        int sent = simulator.releaseWebhooks(SHOP);

        int dropped = simulator.webhookFaults().dropped(SHOP).size();
        assertThat(dropped).isBetween(15, 45);
        await().until(() -> webhooks.size() == sent);
        var ids = new HashSet<String>();
        var orderIds = new ArrayList<Long>();
        for (Map<String, String> webhook : webhooks) {
            ids.add(webhook.get("X-shopify-webhook-id"));
            orderIds.add(Long.parseLong(webhook.get("order-id")));
        }
        assertThat(ids).hasSize(100 - dropped);
        assertThat(sent).isGreaterThan(100 - dropped);
        assertThat(orderIds).isNotEqualTo(orderIds.stream().sorted().toList());
    }

    private static Map<String, Object> input(int i, int lines) {
        var items = new ArrayList<Map<String, Object>>();
        for (int l = 0; l < lines; l++) {
            items.add(Map.of(
                    "title", "Item " + l,
                    "sku", "SKU-" + l,
                    "quantity", 1 + l,
                    "priceSet", Map.of("shopMoney", Map.of("amount", "9.50", "currencyCode", "EUR"))));
        }
        return Map.of(
                "email",
                "buyer" + i + "@example.com",
                "currency",
                "EUR",
                "note",
                "order " + i,
                "tags",
                List.of("t" + i),
                "shippingAddress",
                Map.of("firstName", "Ada", "lastName", "L" + i, "countryCode", "DE"),
                "lineItems",
                items);
    }

    private JsonNode orders(String query, int first, String after, int lines) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put("query", query);
        variables.put("first", first);
        variables.put("after", after);
        variables.put("lines", lines);
        var request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + simulator.port() + "/" + SHOP + "/admin/api/2026-10/graphql.json"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("query", ORDERS, "variables", variables))))
                .build();
        try (var http = HttpClient.newHttpClient()) {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    private HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/webhooks", exchange -> {
                try (exchange) {
                    var headers = new HashMap<String, String>();
                    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
                    headers.put(
                            "order-id",
                            JSON.readTree(exchange.getRequestBody()).path("id").asString());
                    webhooks.add(headers);
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
