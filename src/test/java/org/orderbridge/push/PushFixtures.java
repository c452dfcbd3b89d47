package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Shared fixtures of the push and intake tests, which push through the real Shopify client to the simulator
 * of EmbeddedServices.
 */
public final class PushFixtures {

    public static final String SHOP = "ob-test.myshopify.com";
    /**
     * Tests that break Shopify (faults, open circuit) do so for this shop only, so that orders other tests
     * push to {@link #SHOP} in the background are not caught by them.
     */
    public static final String FAULTY_SHOP = "alpha.myshopify.com";

    public static final String ADMIN_KEY = "local-admin-key-0001";
    public static final String WRITE_KEY = "local-write-key-0001";
    public static final String READ_KEY = "local-read-key-00001";

    private PushFixtures() {}

    public static HttpHeaders headers(String apiKey) {
        var headers = new HttpHeaders();
        headers.set("X-API-Key", apiKey);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /** A valid order request; tests change what they are about. */
    public static Map<String, Object> orderRequest(String externalId, String email) {
        var address = Map.of(
                "firstName",
                "Ada",
                "lastName",
                "Lovelace",
                "address1",
                "1 Analytical Way",
                "city",
                "London",
                "zip",
                "N1 9GU",
                "countryCode",
                "GB");
        return new java.util.HashMap<>(Map.of(
                "externalId",
                externalId,
                "shop",
                SHOP,
                "customer",
                Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace"),
                "shippingAddress",
                address,
                "billingAddress",
                address,
                "lineItems",
                List.of(Map.of("sku", "ENGINE-1", "title", "Difference engine", "quantity", 2, "unitPrice", "19.90")),
                "currency",
                "GBP",
                "note",
                "leave at the door",
                "tags",
                List.of("test")));
    }

    /** Shopify's orders for our order id, in any simulated shop: exactly one once it is pushed. */
    public static List<SimulatedOrder> shopifyOrdersFor(ShopifySimulator shopify, String orderId) {
        return shopify.store().allOrders().stream()
                .filter(o -> orderId.equals(o.sourceIdentifier()))
                .toList();
    }

    public static long orderCreateCalls(ShopifySimulator shopify, String shop) {
        return shopify.requests().stream()
                .filter(r -> shop.equals(r.shop()) && r.isFor("orderCreate"))
                .count();
    }

    /** Accepts a fresh order for the shop through the API and returns its id. */
    public static String accept(TestRestTemplate rest, String email, String shop) {
        var request = orderRequest("ext-" + UUID.randomUUID(), email);
        request.put("shop", shop);
        var response = rest.exchange(
                "/api/v1/orders", HttpMethod.POST, new HttpEntity<>(request, headers(WRITE_KEY)), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asString();
    }

    public static JsonNode order(TestRestTemplate rest, String id) {
        return rest.exchange(
                        "/api/v1/orders/" + id, HttpMethod.GET, new HttpEntity<>(headers(READ_KEY)), JsonNode.class)
                .getBody();
    }
}
