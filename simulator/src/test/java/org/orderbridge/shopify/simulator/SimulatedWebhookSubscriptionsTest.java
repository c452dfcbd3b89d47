package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Webhook subscriptions through the simulated Admin API: paginated reads, creates, updates and deletes with Shopify's rules. */
class SimulatedWebhookSubscriptionsTest {

    private static final String SHOP = "subs-sim.myshopify.com";
    private static final String TOKEN = "shpat_subs_sim";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = """
            query List($topics: [WebhookSubscriptionTopic!], $after: String) {
              webhookSubscriptions(first: 100, after: $after, topics: $topics) {
                nodes { id topic uri format apiVersion { handle } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
    private static final String CREATE = """
            mutation Create($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
                webhookSubscription { id uri } userErrors { field message }
              }
            }
            """;
    private static final String UPDATE = """
            mutation Update($id: ID!, $webhookSubscription: WebhookSubscriptionInput!) {
              webhookSubscriptionUpdate(id: $id, webhookSubscription: $webhookSubscription) {
                webhookSubscription { id uri } userErrors { field message }
              }
            }
            """;
    private static final String DELETE = """
            mutation Delete($id: ID!) {
              webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } }
            }
            """;

    private final ShopifySimulator simulator =
            ShopifySimulator.builder().port(0).shop(SHOP, TOKEN).start();
    private final SimulatedWebhookSubscriptions subscriptions =
            simulator.store().webhookSubscriptions();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void readsEverySubscriptionPageByPageFilteredByTopic() throws Exception {
        for (int i = 0; i < 150; i++) {
            subscriptions.add(SHOP, "ORDERS_CREATE", "https://hooks.example.com/" + i);
        }
        subscriptions.add(SHOP, "PRODUCTS_UPDATE", "https://hooks.example.com/products");

        var uris = new ArrayList<String>();
        String after = null;
        int pages = 0;
        do {
            var variables = new HashMap<String, Object>();
            variables.put("topics", List.of("ORDERS_CREATE"));
            variables.put("after", after);
            JsonNode page = graphql(LIST, variables).path("webhookSubscriptions");
            page.path("nodes").forEach(node -> uris.add(node.path("uri").asString()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString()
                    : null;
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(2);
        assertThat(uris).hasSize(150).doesNotHaveDuplicates().allMatch(uri -> !uri.endsWith("products"));
    }

    @Test
    void refusesASecondSubscriptionOfOneTopicToOneAddress() throws Exception {
        Map<String, Object> variables = Map.of(
                "topic", "ORDERS_PAID", "webhookSubscription", Map.of("uri", "https://orders.example.com/hooks"));
        assertThat(graphql(CREATE, variables).at("/webhookSubscriptionCreate/userErrors"))
                .isEmpty();

        JsonNode second = graphql(CREATE, variables).path("webhookSubscriptionCreate");

        assertThat(second.path("webhookSubscription").isNull()).isTrue();
        assertThat(second.at("/userErrors/0/message").asString()).contains("already been taken");
        assertThat(subscriptions.list(SHOP)).hasSize(1);
    }

    @Test
    void acceptsAnEventBridgeSourceAndRefusesAnAddressThatIsNoEndpoint() throws Exception {
        String arn = "arn:aws:events:us-east-1::event-source/aws.partner/shopify.com/1234/orderbridge";
        assertThat(graphql(CREATE, Map.of("topic", "ORDERS_PAID", "webhookSubscription", Map.of("uri", arn)))
                        .at("/webhookSubscriptionCreate/webhookSubscription/uri")
                        .asString())
                .isEqualTo(arn);

        assertThat(graphql(CREATE, Map.of("topic", "ORDERS_PAID", "webhookSubscription", Map.of("uri", "orders")))
                        .at("/webhookSubscriptionCreate/userErrors/0/message")
                        .asString())
                .isEqualTo("Address is invalid");
    }

    @Test
    void repointsAndDeletesBySubscriptionId() throws Exception {
        String id = subscriptions
                .add(SHOP, "APP_UNINSTALLED", "https://old.example.com")
                .gid();

        JsonNode updated =
                graphql(UPDATE, Map.of("id", id, "webhookSubscription", Map.of("uri", "https://new.example.com")));
        JsonNode deleted = graphql(DELETE, Map.of("id", id));
        JsonNode deletedAgain = graphql(DELETE, Map.of("id", id));

        assertThat(updated.at("/webhookSubscriptionUpdate/webhookSubscription/uri")
                        .asString())
                .isEqualTo("https://new.example.com");
        assertThat(deleted.at("/webhookSubscriptionDelete/deletedWebhookSubscriptionId")
                        .asString())
                .isEqualTo(id);
        assertThat(deletedAgain.at("/webhookSubscriptionDelete/userErrors")).hasSize(1);
        assertThat(subscriptions.list(SHOP)).isEmpty();
    }

    @Test
    void everySubscriptionDeliversInTheAppsWebhookApiVersion() throws Exception {
        subscriptions.add(SHOP, "ORDERS_CREATE", "https://orders.example.com/hooks");
        subscriptions.setAppApiVersion("2025-10");

        JsonNode page = graphql(LIST, Map.of()).path("webhookSubscriptions");

        assertThat(page.at("/nodes/0/apiVersion/handle").asString()).isEqualTo("2025-10");
    }

    @Test
    void testsInAnotherProcessDropAndMisdirectSubscriptionsOverHttp() throws Exception {
        subscriptions.add(SHOP, "ORDERS_CREATE", "https://orders.example.com/hooks");
        subscriptions.add(SHOP, "ORDERS_PAID", "https://orders.example.com/hooks");
        String admin = "http://127.0.0.1:" + simulator.port() + "/_sim/webhook-subscriptions?shop=" + SHOP;

        try (var http = HttpClient.newHttpClient()) {
            var put = http.send(
                    HttpRequest.newBuilder(URI.create(admin + "&topic=ORDERS_PAID&uri=https://elsewhere.example.com"))
                            .PUT(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var delete = http.send(
                    HttpRequest.newBuilder(URI.create(admin + "&topic=ORDERS_CREATE"))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var list = http.send(
                    HttpRequest.newBuilder(URI.create(admin)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(delete.body()).path("dropped").asInt()).isOne();
            assertThat(JSON.readTree(list.body()).findValuesAsString("uri"))
                    .containsExactly("https://elsewhere.example.com");
        }
    }

    private JsonNode graphql(String document, Map<String, Object> variables) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + simulator.port() + "/" + SHOP + "/admin/api/2026-10/graphql.json"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("query", document, "variables", variables))));
        try (var http = HttpClient.newHttpClient()) {
            JsonNode response = JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(response.path("errors")).as(response.toString()).isEmpty();
            return response.path("data");
        }
    }
}
