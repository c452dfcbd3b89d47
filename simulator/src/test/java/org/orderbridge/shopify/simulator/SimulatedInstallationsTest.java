package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

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

/** currentAppInstallation's granted scopes per shop, and the API version headers of every answer. */
class SimulatedInstallationsTest {

    private static final String SHOP = "install-test.myshopify.com";
    private static final String TOKEN = "shpat_install";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPES = "{ currentAppInstallation { accessScopes { handle } } }";

    private final ShopifySimulator simulator =
            ShopifySimulator.builder().port(0).shop(SHOP, TOKEN).start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void grantsTheDefaultScopesUntilTheShopIsGivenItsOwn() throws Exception {
        assertThat(handles(graphql(SCOPES).body()))
                .containsExactlyInAnyOrderElementsOf(SimulatedInstallations.DEFAULT_SCOPES);

        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/_sim/installations"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("shop", SHOP, "scopes", List.of("read_orders"))))));

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(handles(graphql(SCOPES).body())).containsExactly("read_orders");
        assertThat(JSON.readTree(send(HttpRequest.newBuilder(uri("/_sim/installations?shop=" + SHOP))
                                        .GET())
                                .body())
                        .path("scopes"))
                .hasSize(1);
    }

    @Test
    void namesTheRequestedVersionUnlessToldToAnswerWithAnotherAndDeprecations() throws Exception {
        HttpResponse<String> plain = graphql(SCOPES);
        assertThat(plain.headers().firstValue("X-Shopify-API-Version")).hasValue("2026-10");
        assertThat(plain.headers().firstValue("X-Shopify-API-Deprecated-Reason"))
                .isEmpty();

        simulator.store().installations().answerWith(SHOP, "2026-07", "Order.legacyField");
        HttpResponse<String> told = graphql(SCOPES);

        assertThat(told.headers().firstValue("X-Shopify-API-Version")).hasValue("2026-07");
        assertThat(told.headers().firstValue("X-Shopify-API-Deprecated-Reason")).hasValue("Order.legacyField");
    }

    @Test
    void refusesAnAdminRequestWithoutShop() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/_sim/installations"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"scopes\": []}")));

        assertThat(refused.statusCode()).isEqualTo(400);
    }

    private static List<String> handles(String body) {
        JsonNode scopes = JSON.readTree(body).at("/data/currentAppInstallation/accessScopes");
        return scopes.valueStream().map(s -> s.path("handle").asString()).toList();
    }

    private HttpResponse<String> graphql(String query) throws Exception {
        return send(HttpRequest.newBuilder(uri("/" + SHOP + "/admin/api/2026-10/graphql.json"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("query", query)))));
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
