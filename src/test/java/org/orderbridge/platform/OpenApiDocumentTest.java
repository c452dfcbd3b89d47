package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The OpenAPI document describes every endpoint, how each one is authenticated and how each one fails; public in
 * the local profile. The checked-in copy (docs/openapi.json) is what Spectral lints and what the test client is
 * generated from, so it must stay equal to the served one.
 */
@OrderBridgeTest
class OpenApiDocumentTest {

    static final Path CHECKED_IN = Path.of("docs/openapi.json");
    static final Path SERVED = Path.of("target/openapi.json");

    /** Every operation of the API, with the error statuses its clients must be prepared for. */
    private static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("post /api/v1/orders", List.of("400", "401", "403", "409", "413", "422", "429", "503")),
            Map.entry("get /api/v1/orders", List.of("400", "401", "403", "429")),
            Map.entry("get /api/v1/orders/{id}", List.of("400", "401", "403", "404", "429")),
            Map.entry("post /api/v1/orders/{id}/push", List.of("400", "401", "403", "404", "409", "429")),
            Map.entry("post /api/v1/orders/{id}/cancel", List.of("400", "401", "403", "404", "409", "413", "429")),
            Map.entry(
                    "post /api/v1/orders/{id}/shipments",
                    List.of("400", "401", "403", "404", "409", "413", "422", "429")),
            Map.entry("get /api/v1/orders/{id}/shipments", List.of("400", "401", "403", "404", "429")),
            Map.entry("get /api/v1/orders/{id}/shipments/{shipmentId}", List.of("400", "401", "403", "404", "429")),
            Map.entry(
                    "put /api/v1/orders/{id}/shipments/{shipmentId}/tracking",
                    List.of("400", "401", "403", "404", "409", "413", "429")),
            Map.entry(
                    "post /api/v1/orders/{id}/shipments/{shipmentId}/cancel",
                    List.of("400", "401", "403", "404", "409", "429")),
            Map.entry(
                    "post /api/v1/orders/{id}/shipments/{shipmentId}/release",
                    List.of("400", "401", "403", "404", "409", "429", "503")),
            Map.entry("get /api/v1/admin/dead-letters", List.of("400", "401", "403", "429", "500")),
            Map.entry("post /api/v1/admin/dead-letters/redrive", List.of("400", "401", "403", "429", "500")),
            Map.entry("get /api/v1/admin/compliance/parked", List.of("401", "403", "429")),
            Map.entry("get /api/v1/admin/audit", List.of("400", "401", "403", "429")),
            Map.entry("post /api/v1/admin/compliance/parked/{webhookId}/erase", List.of("401", "403", "404", "429")),
            Map.entry("post /api/v1/admin/compliance/parked/{webhookId}/dismiss", List.of("401", "403", "404", "429")),
            Map.entry("get /api/v1/admin/compliance/data-requests", List.of("401", "403", "429")),
            Map.entry("get /api/v1/admin/compliance/data-requests/{id}", List.of("400", "401", "403", "404", "429")),
            Map.entry(
                    "post /api/v1/admin/compliance/data-requests/{id}/delivered",
                    List.of("400", "401", "403", "404", "429")),
            Map.entry("post /api/v1/admin/shops/{shop}/backfill", List.of("400", "401", "403", "404", "409", "429")),
            Map.entry("get /api/v1/admin/shops/{shop}/backfill", List.of("400", "401", "403", "404", "429")),
            Map.entry("get /api/v1/admin/shops/{shop}/backfill/{id}", List.of("400", "401", "403", "404", "429")),
            Map.entry("get /api/v1/fulfillment-requests", List.of("400", "401", "403", "429")),
            Map.entry("get /api/v1/fulfillment-requests/{id}", List.of("400", "401", "403", "404", "429")),
            Map.entry(
                    "post /api/v1/fulfillment-requests/{id}/accept",
                    List.of("400", "401", "403", "404", "409", "413", "429")),
            Map.entry(
                    "post /api/v1/fulfillment-requests/{id}/reject",
                    List.of("400", "401", "403", "404", "409", "413", "429")),
            Map.entry("post /webhooks/shopify", List.of("400", "401", "403", "413", "503")));

    @Autowired
    TestRestTemplate rest;

    @Test
    void listsEveryEndpointWithItsProblemResponses() {
        JsonNode paths = document().get("paths");

        assertThat(operations(paths)).containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
        OPERATIONS.forEach((operation, errors) -> {
            JsonNode responses = operation(paths, operation).get("responses");
            var declaredErrors = responses.propertyNames().stream()
                    .filter(status -> status.startsWith("4") || status.startsWith("5"))
                    .toList();
            assertThat(declaredErrors).as(operation + " error statuses").containsExactlyInAnyOrderElementsOf(errors);
            for (String status : errors) {
                JsonNode problem = responses.get(status).path("content").path("application/problem+json");
                assertThat(problem.path("schema").path("$ref").asString())
                        .as(operation + " " + status + " is a problem")
                        .isEqualTo("#/components/schemas/Problem");
                assertThat(problem.path("example").path("status").asInt())
                        .as(operation + " " + status + " example")
                        .isEqualTo(Integer.parseInt(status));
            }
        });
    }

    @Test
    void toldWhenToRetryAfterRateLimit() {
        JsonNode document = document();
        JsonNode tooMany = operation(document.get("paths"), "get /api/v1/orders")
                .get("responses")
                .get("429");

        assertThat(tooMany.path("headers").path("Retry-After").path("$ref").asString())
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(document.at("/components/headers/Retry-After/schema/type").asString())
                .isEqualTo("integer");
    }

    @Test
    void requiresTheApiKeyOnEveryApiOperationAndShopifysSignatureOnTheWebhook() {
        JsonNode document = document();
        JsonNode scheme = document.at("/components/securitySchemes/ApiKey");
        assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asString()).isEqualTo("header");
        assertThat(scheme.get("name").asString()).isEqualTo("X-API-Key");
        assertThat(document.has("security")).as("no global requirement").isFalse();

        OPERATIONS.keySet().stream()
                .filter(o -> o.contains(" /api/"))
                .forEach(operation -> assertThat(
                                operation(document.get("paths"), operation).path("security"))
                        .as(operation + " security")
                        .singleElement()
                        .satisfies(requirement ->
                                assertThat(requirement.propertyNames()).containsExactly("ApiKey")));

        JsonNode webhook = operation(document.get("paths"), "post /webhooks/shopify");
        assertThat(webhook.has("security")).isFalse();
        assertThat(webhook.get("description").asString()).contains("HMAC-SHA256", "X-Shopify-Hmac-Sha256");
        assertThat(webhook.get("parameters")).anySatisfy(parameter -> {
            assertThat(parameter.get("name").asString()).isEqualTo("X-Shopify-Hmac-Sha256");
            assertThat(parameter.get("in").asString()).isEqualTo("header");
            assertThat(parameter.get("required").asBoolean()).isTrue();
        });
    }

    @Test
    void describesTheServiceEveryCapabilityAndEveryOperation() {
        JsonNode document = document();
        JsonNode info = document.get("info");
        assertThat(info.get("title").asString()).isEqualTo("OrderBridge API");
        assertThat(info.get("version").asString()).isEqualTo(System.getProperty("orderbridge.project-version"));
        assertThat(info.get("description").asString()).contains("X-API-Key", "429");
        assertThat(info.at("/contact/email").asString()).isNotBlank();
        assertThat(info.at("/license/url").asString()).isNotBlank();
        assertThat(document.get("servers"))
                .singleElement()
                .satisfies(server -> assertThat(server.get("url").asString()).isEqualTo("http://localhost:8080"));

        Set<String> tags = new HashSet<>();
        document.get("tags").forEach(tag -> {
            assertThat(tag.get("description").asString())
                    .as(tag + " description")
                    .isNotBlank();
            assertThat(tags.add(tag.get("name").asString()))
                    .as("tag declared once")
                    .isTrue();
        });
        assertThat(tags)
                .containsExactlyInAnyOrder(
                        "Orders",
                        "Shipments",
                        "Dead letters",
                        "Compliance",
                        "Backfills",
                        "Shopify webhooks",
                        "Audit",
                        "Fulfillment requests");
        Set<String> operationIds = new HashSet<>();
        OPERATIONS.keySet().forEach(name -> {
            JsonNode operation = operation(document.get("paths"), name);
            assertThat(operation.get("summary").asString()).as(name).isNotBlank();
            assertThat(operation.get("description").asString()).as(name).isNotBlank();
            assertThat(operation.get("tags"))
                    .as(name)
                    .singleElement()
                    .satisfies(tag -> assertThat(tags).contains(tag.asString()));
            assertThat(operationIds.add(operation.get("operationId").asString()))
                    .as(name + " operationId")
                    .isTrue();
        });
    }

    @Test
    void showsExamplesOfOrdersShipmentsAndProblems() {
        JsonNode paths = document().get("paths");

        JsonNode order = operation(paths, "get /api/v1/orders/{id}").at("/responses/200/content");
        assertThat(order.findValue("example").path("status").asString()).isEqualTo("PUSHED");
        JsonNode intake = operation(paths, "post /api/v1/orders").at("/requestBody/content");
        assertThat(intake.findValue("example").path("externalId").asString()).isNotBlank();
        JsonNode shipment = operation(paths, "post /api/v1/orders/{id}/shipments");
        assertThat(shipment.at("/requestBody/content").findValue("example").path("trackingNumbers"))
                .isNotEmpty();
        assertThat(shipment.at("/responses/201/content")
                        .findValue("example")
                        .path("status")
                        .asString())
                .isEqualTo("FULFILLED");
        assertThat(shipment.at("/responses/409/content/application~1problem+json/example/detail")
                        .asString())
                .isNotBlank();
    }

    /**
     * Writes the served document to target/openapi.json; when the API changed, copy it over docs/openapi.json (the
     * build lints that copy and generates the test client from it, before the service could serve anything).
     */
    @Test
    void isTheCheckedInDocument() throws IOException {
        JsonNode served = document();
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, pretty(served));

        assertThat(served)
                .as("docs/openapi.json is out of date: cp " + SERVED + " " + CHECKED_IN)
                .isEqualTo(new ObjectMapper().readTree(Files.readString(CHECKED_IN)));
    }

    @Test
    void servesSwaggerUi() {
        var response = rest.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private JsonNode document() {
        var response = rest.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String pretty(JsonNode document) {
        return tools.jackson.databind.json.JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(document)
                + "\n";
    }

    private static JsonNode operation(JsonNode paths, String operation) {
        String[] methodAndPath = operation.split(" ");
        return paths.get(methodAndPath[1]).get(methodAndPath[0]);
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
