package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.SimulatedInventory.Level;
import org.orderbridge.shopify.simulator.SimulatedInventory.Policy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class SimulatedInventoryTest {

    private static final String SHOP = "stock-test.myshopify.com";
    private static final String TOKEN = "shpat_stock";
    private static final String WAREHOUSE = "gid://shopify/Location/1";
    private static final String STORE = "gid://shopify/Location/2";
    private static final long SHIRT = 101L;
    private static final long MUG = 202L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_CREATE = """
            mutation Create($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
              orderCreate(order: $order, options: $options) { order { id } userErrors { field message code } }
            }
            """;

    private final ShopifySimulator simulator =
            ShopifySimulator.builder().port(0).shop(SHOP, TOKEN).start();
    private final SimulatedInventory inventory = simulator.store().inventory();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void leavesStockAloneWhenTheOrderBypassesInventoryAsItDoesByDefault() throws Exception {
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 1);

        create(null, line(SHIRT, "SHIRT-M", 5));
        create("BYPASS", line(SHIRT, "SHIRT-M", 5));

        assertThat(simulator.store().orders(SHOP)).hasSize(2);
        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 1, 0));
    }

    @Test
    void movesClaimedUnitsFromAvailableToCommitted() throws Exception {
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 5);

        create("DECREMENT_OBEYING_POLICY", line(SHIRT, "SHIRT-M", 2));

        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 3, 2));
    }

    @Test
    void claimsEvenBelowZeroWhenIgnoringThePolicy() throws Exception {
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 1);

        JsonNode payload = create("DECREMENT_IGNORING_POLICY", line(SHIRT, "SHIRT-M", 3));

        assertThat(payload.path("userErrors")).isEmpty();
        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, -2, 3));
    }

    @Test
    void refusesTheWholeOrderWhenALineWouldOversellAVariantThatDeniesIt() throws Exception {
        inventory.stock(SHOP, MUG, WAREHOUSE, 10);
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 1);
        inventory.stock(SHOP, SHIRT, STORE, 0);

        JsonNode payload = create("DECREMENT_OBEYING_POLICY", line(MUG, "MUG-1", 1), line(SHIRT, "SHIRT-M", 2));

        assertThat(payload.path("order").isNull()).isTrue();
        JsonNode error = payload.path("userErrors").get(0);
        assertThat(error.path("code").asString()).isEqualTo("INVENTORY_CLAIM_FAILED");
        assertThat(error.path("field").toString()).isEqualTo("[\"order\",\"lineItems\",\"1\",\"quantity\"]");
        assertThat(error.path("message").asString())
                .contains(
                        "gid://shopify/ProductVariant/101",
                        "SHIRT-M",
                        WAREHOUSE + " (1 available)",
                        STORE + " (0 available)");
        assertThat(simulator.store().orders(SHOP)).isEmpty();
        assertThat(inventory.levels(SHOP, MUG)).containsExactly(new Level(WAREHOUSE, 10, 0));
    }

    @Test
    void countsEveryLineOfOneVariantAgainstItsStock() throws Exception {
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 3);

        JsonNode payload = create("DECREMENT_OBEYING_POLICY", line(SHIRT, "SHIRT-M", 2), line(SHIRT, "SHIRT-M", 2));

        assertThat(payload.at("/userErrors/0/code").asString()).isEqualTo("INVENTORY_CLAIM_FAILED");
        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 3, 0));
    }

    @Test
    void oversellsAVariantThatMayBeSoldWhenOutOfStock() throws Exception {
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 0);
        inventory.setPolicy(SHOP, SHIRT, Policy.CONTINUE);

        JsonNode payload = create("DECREMENT_OBEYING_POLICY", line(SHIRT, "SHIRT-M", 2));

        assertThat(payload.path("userErrors")).isEmpty();
        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, -2, 2));
    }

    @Test
    void claimsAtTheFirstLocationThatHoldsTheWholeLine() throws Exception {
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 1);
        inventory.stock(SHOP, SHIRT, STORE, 5);

        create("DECREMENT_OBEYING_POLICY", line(SHIRT, "SHIRT-M", 3));

        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 1, 0), new Level(STORE, 2, 3));
    }

    @Test
    void neverRefusesAVariantWhoseInventoryIsNotTracked() throws Exception {
        JsonNode payload = create("DECREMENT_OBEYING_POLICY", line(SHIRT, "SHIRT-M", 1_000));

        assertThat(payload.path("userErrors")).isEmpty();
        assertThat(inventory.levels(SHOP, SHIRT)).isEmpty();
    }

    @Test
    void stocksAndListsThroughTheAdminEndpoint() throws Exception {
        var level = Map.<String, Object>of(
                "shop",
                SHOP,
                "variantId",
                SHIRT,
                "location",
                WAREHOUSE,
                "available",
                4,
                "inventoryPolicy",
                "CONTINUE",
                "productId",
                7,
                "sku",
                "SHIRT-M");

        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/_sim/inventory"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(level))));
        HttpResponse<String> listed =
                send(HttpRequest.newBuilder(uri("/_sim/inventory?shop=" + SHOP)).GET());
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/_sim/inventory"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"shop\": \"" + SHOP + "\"}")));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 4, 0));
        assertThat(inventory.policy(SHOP, SHIRT)).isEqualTo(Policy.CONTINUE);
        JsonNode variant = JSON.readTree(listed.body()).get(0);
        assertThat(variant.path("variantId").asString()).isEqualTo("gid://shopify/ProductVariant/101");
        assertThat(variant.at("/levels/0/available").asInt()).isEqualTo(4);
        assertThat(variant.path("sku").asString()).isEqualTo("SHIRT-M");
        assertThat(inventory.catalogued(SHOP, "SHIRT-M"::equals))
                .containsExactly(new SimulatedInventory.Catalogued(7, SHIRT, "SHIRT-M"));
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @SafeVarargs
    private JsonNode create(String behaviour, Map<String, Object>... lines) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put("order", Map.of("currency", "EUR", "lineItems", List.of(lines)));
        if (behaviour != null) {
            variables.put("options", Map.of("inventoryBehaviour", behaviour));
        }
        var request = HttpRequest.newBuilder(uri("/" + SHOP + "/admin/api/2026-10/graphql.json"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("query", ORDER_CREATE, "variables", variables))));
        return JSON.readTree(send(request).body()).at("/data/orderCreate");
    }

    private static Map<String, Object> line(long variantId, String sku, int quantity) {
        return Map.of("variantId", "gid://shopify/ProductVariant/" + variantId, "sku", sku, "quantity", quantity);
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
