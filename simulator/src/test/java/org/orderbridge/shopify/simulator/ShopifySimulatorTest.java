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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ShopifySimulatorTest {

    private static final String SHOP = "sim-test.myshopify.com";
    private static final String TOKEN = "shpat_sim";
    private static final String SECRET = "webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_CREATE = """
            mutation Create($order: OrderCreateOrderInput!) {
              orderCreate(order: $order) { order { id name } userErrors { field message code } }
            }
            """;

    private final List<ReceivedWebhook> webhooks = new CopyOnWriteArrayList<>();
    private final HttpServer webhookReceiver = webhookReceiver();
    private final ShopifySimulator simulator = ShopifySimulator.builder()
            .port(0)
            .shop(SHOP, TOKEN)
            .webhooks(
                    URI.create(
                            "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/webhooks"),
                    SECRET)
            .start();

    @AfterEach
    void stop() {
        simulator.close();
        webhookReceiver.stop(0);
    }

    @Test
    void rejectsADocumentThatDoesNotValidateAgainstTheAdminSchema() throws Exception {
        JsonNode response = JSON.readTree(post(
                        "/" + SHOP + "/admin/api/2026-10/graphql.json",
                        TOKEN,
                        Map.of("query", "{ shop { name ordersPlacedToday } }"))
                .body());

        assertThat(response.path("errors").get(0).path("message").asString()).contains("ordersPlacedToday");
        assertThat(simulator.requests()).extracting(RecordedRequest::outcome).containsExactly(Outcome.GRAPHQL_ERRORS);
    }

    @Test
    void rejectsVariablesThatDoNotMatchTheInputTypes() throws Exception {
        JsonNode response = JSON.readTree(post(
                        "/" + SHOP + "/admin/api/2026-10/graphql.json",
                        TOKEN,
                        Map.of(
                                "query",
                                ORDER_CREATE,
                                "variables",
                                Map.of(
                                        "order",
                                        Map.of("currency", "EURO", "lineItems", List.of(Map.of("quantity", 1))))))
                .body());

        assertThat(response.path("errors")).isNotEmpty();
        assertThat(simulator.store().orders(SHOP)).isEmpty();
    }

    @Test
    void enforcesUniqueMetafieldValuesOnOrders() throws Exception {
        simulator.store().addMetafieldDefinition(SHOP, "ORDER", "ns", "ext_id", "single_line_text_field", true);
        Map<String, Object> body = Map.of(
                "query",
                ORDER_CREATE,
                "variables",
                Map.of(
                        "order",
                        Map.of(
                                "currency", "EUR",
                                "lineItems", List.of(Map.of("title", "Thing", "quantity", 1)),
                                "metafields",
                                        List.of(Map.of(
                                                "namespace",
                                                "ns",
                                                "key",
                                                "ext_id",
                                                "type",
                                                "single_line_text_field",
                                                "value",
                                                "A-1")))));

        post("/" + SHOP + "/admin/api/2026-10/graphql.json", TOKEN, body);
        JsonNode second = JSON.readTree(post("/" + SHOP + "/admin/api/2026-10/graphql.json", TOKEN, body)
                .body());

        assertThat(second.at("/data/orderCreate/userErrors/0/field").toString()).contains("metafields");
        assertThat(simulator.store().orders(SHOP)).hasSize(1);
    }

    @Test
    void keepsEachLinesShippingAndTaxWithShopifysDocumentedDefaults() throws Exception {
        post(
                "/" + SHOP + "/admin/api/2026-10/graphql.json",
                TOKEN,
                Map.of(
                        "query",
                        ORDER_CREATE,
                        "variables",
                        Map.of(
                                "order",
                                Map.of(
                                        "currency",
                                        "EUR",
                                        "lineItems",
                                        List.of(
                                                Map.of("title", "Gift wrap", "quantity", 1),
                                                Map.of(
                                                        "title",
                                                        "Engraving",
                                                        "quantity",
                                                        1,
                                                        "requiresShipping",
                                                        true,
                                                        "taxable",
                                                        false))))));

        SimulatedOrder order = simulator.store().orders(SHOP).getFirst();
        assertThat(List.of(order.requiresShipping(0), order.requiresShipping(1)))
                .containsExactly(false, true);
        assertThat(List.of(order.taxable(0), order.taxable(1))).containsExactly(true, false);
        assertThat(WebhookSender.payload(order).get("line_items").toString())
                .contains("requires_shipping=false, taxable=true", "requires_shipping=true, taxable=false");
    }

    @Test
    void reportsCostOnEveryResponseAndThrottlesWhenTheBucketIsEmpty() throws Exception {
        // A slow refill: at the standard 100 points/s the 7 missing points come back within 70 ms, which a loaded
        // machine can take between these two lines.
        simulator.setCostLimits(SHOP, 1000, 1);
        simulator.setAvailablePoints(SHOP, 3);

        JsonNode response = JSON.readTree(post(
                        "/" + SHOP + "/admin/api/2026-10/graphql.json",
                        TOKEN,
                        Map.of("query", ORDER_CREATE, "variables", Map.of("order", Map.of("currency", "EUR"))))
                .body());

        assertThat(response.at("/errors/0/extensions/code").asString()).isEqualTo("THROTTLED");
        assertThat(response.at("/extensions/cost/requestedQueryCost").asDouble())
                .isEqualTo(10);
        assertThat(response.at("/extensions/cost/throttleStatus/currentlyAvailable")
                        .asDouble())
                .isLessThan(10);
        assertThat(response.at("/extensions/cost/throttleStatus/restoreRate").asDouble())
                .isEqualTo(1);
    }

    @Test
    void refusesAWrongAccessTokenAndAnUnknownShop() throws Exception {
        assertThat(post("/" + SHOP + "/admin/api/2026-10/graphql.json", "wrong", Map.of("query", "{ shop { name } }"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(
                                "/nobody.myshopify.com/admin/api/2026-10/graphql.json",
                                TOKEN,
                                Map.of("query", "{ shop { name } }"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void acceptsTheShopFromTheHeaderAndFaultsFromTheAdminEndpoint() throws Exception {
        assertThat(post("/_sim/faults", null, Map.of("type", "status", "status", 503, "retryAfterSeconds", 1.5))
                        .statusCode())
                .isEqualTo(202);

        HttpResponse<String> faulted =
                post("/admin/api/2026-10/graphql.json", TOKEN, Map.of("query", "{ shop { name } }"));

        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.headers().firstValue("Retry-After")).contains("1.5");
        assertThat(simulator.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.shop()).isEqualTo(SHOP));
        assertThat(send(HttpRequest.newBuilder(uri("/health")).GET()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesWithAnInjectedUserErrorOnlyTheShopItWasQueuedFor() throws Exception {
        simulator.addShop("other.myshopify.com", TOKEN);
        simulator.faults().forShop(SHOP).nextFor("orderCreate", 1, Fault.userError("Variant is sold out"));
        Map<String, Object> body = Map.of(
                "query",
                ORDER_CREATE,
                "variables",
                Map.of(
                        "order",
                        Map.of("currency", "EUR", "lineItems", List.of(Map.of("title", "Thing", "quantity", 1)))));

        JsonNode other = JSON.readTree(post("/other.myshopify.com/admin/api/2026-10/graphql.json", TOKEN, body)
                .body());
        JsonNode refused = JSON.readTree(post("/" + SHOP + "/admin/api/2026-10/graphql.json", TOKEN, body)
                .body());

        assertThat(other.at("/data/orderCreate/order/id").asString()).startsWith("gid://shopify/Order/");
        assertThat(refused.at("/data/orderCreate/userErrors/0/message").asString())
                .isEqualTo("Variant is sold out");
        assertThat(refused.at("/extensions/cost")).isNotEmpty();
        assertThat(simulator.store().orders(SHOP)).isEmpty();
        assertThat(simulator.requests())
                .extracting(RecordedRequest::outcome)
                .containsExactly(Outcome.OK, Outcome.INJECTED_USER_ERROR);
    }

    @Test
    void sendsASignedOrdersCreateWebhookForACreatedOrder() throws Exception {
        post(
                "/" + SHOP + "/admin/api/2026-10/graphql.json",
                TOKEN,
                Map.of(
                        "query",
                        ORDER_CREATE,
                        "variables",
                        Map.of(
                                "order",
                                Map.of(
                                        "currency",
                                        "EUR",
                                        "email",
                                        "a@example.com",
                                        "sourceName",
                                        "orderbridge",
                                        "sourceIdentifier",
                                        "abc",
                                        "tags",
                                        List.of("x", "y"),
                                        "lineItems",
                                        List.of(Map.of(
                                                "title",
                                                "Thing",
                                                "sku",
                                                "T-1",
                                                "quantity",
                                                2,
                                                "priceSet",
                                                Map.of(
                                                        "shopMoney",
                                                        Map.of("amount", "4.50", "currencyCode", "EUR"))))))));

        await().atMost(Duration.ofSeconds(5)).until(() -> !webhooks.isEmpty());
        ReceivedWebhook webhook = webhooks.getFirst();
        SimulatedOrder order = simulator.store().orders(SHOP).getFirst();
        assertThat(webhook.headers().get("X-shopify-hmac-sha256"))
                .isEqualTo(WebhookSender.sign(webhook.body(), SECRET));
        assertThat(webhook.headers())
                .containsEntry("X-shopify-topic", "orders/create")
                .containsEntry("X-shopify-shop-domain", SHOP)
                .containsEntry("X-shopify-api-version", "2026-10")
                .containsKeys("X-shopify-webhook-id", "X-shopify-event-id", "X-shopify-triggered-at");
        JsonNode payload = JSON.readTree(webhook.body());
        assertThat(payload.path("id").asLong()).isEqualTo(order.legacyId());
        assertThat(payload.path("admin_graphql_api_id").asString()).isEqualTo(order.gid());
        assertThat(payload.path("source_identifier").asString()).isEqualTo("abc");
        assertThat(payload.path("total_price").asString()).isEqualTo("9.00");
        assertThat(payload.path("tags").asString()).isEqualTo("x, y");
        assertThat(payload.at("/line_items/0/sku").asString()).isEqualTo("T-1");
    }

    private record ReceivedWebhook(Map<String, String> headers, byte[] body) {}

    private HttpServer webhookReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/webhooks", exchange -> {
                try (exchange) {
                    var headers = new HashMap<String, String>();
                    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
                    webhooks.add(new ReceivedWebhook(
                            headers, exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String path, String token, Map<String, Object> body) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("X-Shopify-Access-Token", token);
        }
        if (!path.startsWith("/" + SHOP) && !path.startsWith("/nobody")) {
            request.header("X-Shopify-Shop-Domain", SHOP);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + simulator.port() + path);
    }
}
