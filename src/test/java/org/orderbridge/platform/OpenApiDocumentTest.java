package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every endpoint and how each one fails; public in the local profile. */
@OrderBridgeTest
class OpenApiDocumentTest {

    /** Every operation of the API, with the error statuses its clients must be prepared for. */
    private static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("post /api/v1/orders", List.of("400", "401", "403", "409", "413", "422", "503")),
            Map.entry("get /api/v1/orders", List.of("400", "401", "403")),
            Map.entry("get /api/v1/orders/{id}", List.of("400", "401", "403", "404")),
            Map.entry("post /api/v1/orders/{id}/push", List.of("400", "401", "403", "404", "409")),
            Map.entry("post /api/v1/orders/{id}/cancel", List.of("400", "401", "403", "404", "409")),
            Map.entry("post /api/v1/orders/{id}/shipments", List.of("400", "401", "403", "404", "409", "422")),
            Map.entry("get /api/v1/orders/{id}/shipments", List.of("400", "401", "403", "404")),
            Map.entry("get /api/v1/orders/{id}/shipments/{shipmentId}", List.of("400", "401", "403", "404")),
            Map.entry(
                    "put /api/v1/orders/{id}/shipments/{shipmentId}/tracking",
                    List.of("400", "401", "403", "404", "409")),
            Map.entry(
                    "post /api/v1/orders/{id}/shipments/{shipmentId}/cancel",
                    List.of("400", "401", "403", "404", "409")),
            Map.entry("get /api/v1/admin/dead-letters", List.of("400", "401", "403")),
            Map.entry("post /api/v1/admin/dead-letters/redrive", List.of("400", "401", "403")),
            Map.entry("get /api/v1/admin/compliance/parked", List.of("401", "403")),
            Map.entry("post /api/v1/admin/compliance/parked/{webhookId}/erase", List.of("401", "403", "404")),
            Map.entry("post /api/v1/admin/compliance/parked/{webhookId}/dismiss", List.of("401", "403", "404")),
            Map.entry("post /api/v1/admin/shops/{shop}/backfill", List.of("400", "401", "403", "404", "409")),
            Map.entry("get /api/v1/admin/shops/{shop}/backfill", List.of("400", "401", "403", "404")),
            Map.entry("get /api/v1/admin/shops/{shop}/backfill/{id}", List.of("400", "401", "403", "404")),
            Map.entry("post /webhooks/shopify", List.of("400", "401", "403", "413", "503")));

    @Autowired
    TestRestTemplate rest;

    @Test
    void listsEveryEndpointWithItsErrorResponses() {
        var response = rest.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = response.getBody().get("paths");
        assertThat(operations(paths)).containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
        OPERATIONS.forEach((operation, errors) -> {
            String[] methodAndPath = operation.split(" ");
            JsonNode responses =
                    paths.get(methodAndPath[1]).get(methodAndPath[0]).get("responses");
            for (String status : errors) {
                assertThat(responses.has(status))
                        .as(operation + " documents " + status)
                        .isTrue();
                assertThat(responses.get(status).has("content")
                                && responses.get(status).get("content").has("application/problem+json"))
                        .as(operation + " " + status + " is problem+json")
                        .isTrue();
            }
        });
    }

    @Test
    void servesSwaggerUi() {
        var response = rest.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static List<String> operations(JsonNode paths) {
        var operations = new ArrayList<String>();
        paths.properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> operations.add(method.getKey() + " " + path.getKey())));
        return operations;
    }
}
