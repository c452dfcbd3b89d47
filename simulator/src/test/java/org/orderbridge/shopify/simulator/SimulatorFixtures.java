package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Requests to a running simulator as one shop's app makes them: over HTTP, with the shop's access token. */
final class SimulatorFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopifySimulator simulator;
    private final String shop;
    private final String token;

    SimulatorFixtures(ShopifySimulator simulator, String shop, String token) {
        this.simulator = simulator;
        this.shop = shop;
        this.token = token;
    }

    /** The Admin GraphQL answer as the simulator gives it, errors included. */
    JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        var body = new HashMap<String, Object>();
        body.put("query", query);
        body.put("variables", variables);
        return JSON.readTree(
                post("/" + shop + "/admin/api/2026-10/graphql.json", body).body());
    }

    /** The Admin GraphQL answer of a document the simulator must take: no top-level errors. */
    JsonNode graphqlWithoutErrors(String query, Map<String, Object> variables) throws Exception {
        JsonNode json = graphql(query, variables);
        assertThat(json.path("errors")).as(json.toString()).isEmpty();
        return json;
    }

    HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + path))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
