package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The {@code productVariants} connection searched by SKU in Shopify's search syntax, and its cost. */
class SimulatedProductVariantsQueryTest {

    private static final String SHOP = "sim-variants.myshopify.com";
    private static final String TOKEN = "shpat_sim_variants";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BY_SKU = """
            query FindVariantsBySku($query: String!, $first: Int!) {
              productVariants(first: $first, query: $query) {
                pageInfo { hasNextPage }
                nodes { legacyResourceId sku product { legacyResourceId } }
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
    void findsTheVariantsOfAnyOfTheSkusJoinedByOr() throws Exception {
        SimulatedInventory inventory = simulator.store().inventory();
        inventory.catalogue(SHOP, 1, 11, "MUG-1");
        inventory.catalogue(SHOP, 2, 21, "PEN 'FINE' (BLUE)");
        inventory.catalogue(SHOP, 3, 31, "CUP-1");
        inventory.catalogue("other.myshopify.com", 4, 41, "MUG-1");

        JsonNode answer = variants("sku:'mug-1' OR sku:'PEN \\'FINE\\' (BLUE)' OR sku:NONE", 10);

        var found = new ArrayList<String>();
        answer.at("/data/productVariants/nodes")
                .forEach(node -> found.add(node.path("legacyResourceId").asString() + " "
                        + node.path("sku").asString() + " "
                        + node.at("/product/legacyResourceId").asString()));
        assertThat(found).containsExactly("11 MUG-1 1", "21 PEN 'FINE' (BLUE) 2");
        assertThat(answer.at("/data/productVariants/pageInfo/hasNextPage").asBoolean())
                .isFalse();
    }

    @Test
    void saysThatThereAreMoreMatchesThanThePageHolds() throws Exception {
        for (int i = 0; i < 3; i++) {
            simulator.store().inventory().catalogue(SHOP, i, 100 + i, "TWIN-1");
        }

        JsonNode connection = variants("sku:TWIN-1", 2).at("/data/productVariants");

        assertThat(connection.path("nodes")).hasSize(2);
        assertThat(connection.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void chargesTheConnectionsRequestedCostAndRefundsDownToWhatItHeld() throws Exception {
        simulator.store().inventory().catalogue(SHOP, 1, 11, "MUG-1");

        JsonNode cost = variants("sku:MUG-1", 250).at("/extensions/cost");

        // 2 + 250 x (variant 1 + product 1); the answer held 2 + 1 x 2
        assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(502);
        assertThat(cost.path("actualQueryCost").asInt()).isEqualTo(4);
    }

    @Test
    void refusesWhatItDoesNotSimulate() throws Exception {
        assertThat(variants("title:mug", 10).at("/errors/0/message").asString()).contains("only by sku");
        assertThat(variants("sku:A AND sku:B", 10).at("/errors/0/message").asString())
                .contains("only with OR");
        assertThat(variants("sku:'A", 10).at("/errors/0/message").asString()).contains("Unterminated");
        assertThat(variants("sku:A", 251).at("/errors/0/message").asString()).contains("between 1 and 250");
    }

    @Test
    void readsValuesAsShopifysSearchSyntaxDefinesThem() {
        assertThat(SimulatorProductVariantsQuery.skus(" sku:A-1 OR sku:\"B 2\" OR sku:'C\\\\3' OR sku:D\\:4 "))
                .containsExactly("A-1", "B 2", "C\\3", "D:4");
        assertThatThrownBy(() -> SimulatorProductVariantsQuery.skus("sku:A OR"))
                .hasMessageContaining("ends with a connective");
        assertThatThrownBy(() -> SimulatorProductVariantsQuery.skus("sku:A:B"))
                .hasMessageContaining("special character");
    }

    private JsonNode variants(String query, int first) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + simulator.port() + "/" + SHOP + "/admin/api/2026-10/graphql.json"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                        Map.of("query", BY_SKU, "variables", Map.of("query", query, "first", first)))))
                .build();
        try (var http = HttpClient.newHttpClient()) {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }
}
