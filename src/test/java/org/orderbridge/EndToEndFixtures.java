package org.orderbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import tools.jackson.databind.JsonNode;

/**
 * What the end-to-end tests of every feature drive and look into, in the one context of {@link OrderBridgeTest}: the
 * service's API over real HTTP, the Shopify simulator behind the real client and the database; and the order they
 * most often start from, accepted through the API and followed on its way to Shopify.
 */
public class EndToEndFixtures {

    /** How long an order may take to reach a status: outbox, queue, worker and simulator on a busy machine. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final TestRestTemplate rest;
    private final ShopifySimulator shopify;
    private final JdbcTemplate jdbc;

    EndToEndFixtures(TestRestTemplate rest, ShopifySimulator shopify, JdbcTemplate jdbc) {
        this.rest = rest;
        this.shopify = shopify;
        this.jdbc = jdbc;
    }

    public TestRestTemplate rest() {
        return rest;
    }

    public ShopifySimulator shopify() {
        return shopify;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** A call of the service's API, without a body, by the holder of the API key. */
    public ResponseEntity<JsonNode> call(HttpMethod method, String path, String apiKey) {
        return rest.exchange(path, method, new HttpEntity<>(PushFixtures.headers(apiKey)), JsonNode.class);
    }

    /** A call of the service's API with a JSON body, by the holder of the API key. */
    public ResponseEntity<JsonNode> call(HttpMethod method, String path, String apiKey, Object body) {
        return rest.exchange(path, method, new HttpEntity<>(body, PushFixtures.headers(apiKey)), JsonNode.class);
    }

    /** Accepts a fresh order for {@link PushFixtures#SHOP} through the API and returns its id. */
    public String accept(String email) {
        return accept(email, PushFixtures.SHOP);
    }

    /** Accepts a fresh order for the shop through the API and returns its id. */
    public String accept(String email, String shop) {
        var request = PushFixtures.orderRequest("ext-" + UUID.randomUUID(), email);
        request.put("shop", shop);
        var response = call(HttpMethod.POST, "/api/v1/orders", PushFixtures.WRITE_KEY, request);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asString();
    }

    /** The order as the read API shows it. */
    public JsonNode order(String id) {
        return call(HttpMethod.GET, "/api/v1/orders/" + id, PushFixtures.READ_KEY)
                .getBody();
    }

    /** Waits until the order shows the status, and returns it as it shows it then. */
    public JsonNode awaitStatus(String id, String status) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> order(id).get("status").asString().equals(status));
        return order(id);
    }

    /** Shopify's orders for our order id, in any simulated shop: exactly one once it is pushed. */
    public List<SimulatedOrder> shopifyOrdersFor(String orderId) {
        return shopify.store().allOrders().stream()
                .filter(o -> orderId.equals(o.sourceIdentifier()))
                .toList();
    }

    public long orderCreateCalls(String shop) {
        return shopify.requests().stream()
                .filter(r -> shop.equals(r.shop()) && r.isFor("orderCreate"))
                .count();
    }

    /**
     * Repairs Shopify after every end-to-end test: whatever faults a test left queued in the shared simulator would
     * otherwise fail the calls of the tests after it.
     */
    static final class ShopifyRepair implements AfterEachCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context)
                    .getBean(ShopifySimulator.class)
                    .faults()
                    .clear();
        }
    }
}
