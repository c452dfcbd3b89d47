package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;
import static org.orderbridge.push.PushFixtures.headers;
import static org.orderbridge.push.PushFixtures.orderCreateCalls;
import static org.orderbridge.push.PushFixtures.shopifyOrdersFor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Shopify's orders/create for an order we pushed finds that order (by source identifier), never a new one. */
@OrderBridgeTest
class WebhookLinkingTest {

    private static final String WEBHOOK_SECRET = "local-webhook-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ShopifySimulator shopify;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void repairShopify() {
        shopify.faults().clear();
    }

    @Test
    void appliesShopifysOrdersCreateToTheOrderWePushed() {
        String id = accept("link-after-push@example.com", PushFixtures.SHOP);

        // The simulator sends the signed orders/create for the order it created, as Shopify does.
        await().atMost(WAIT).until(() -> order(id).hasNonNull("shopifyUpdatedAt"));
        SimulatedOrder created = shopifyOrdersFor(shopify, id).getFirst();
        JsonNode order = order(id);
        assertThat(order.get("status").asString()).isEqualTo("PUSHED");
        assertThat(order.get("shopifyOrderId").asLong()).isEqualTo(created.legacyId());
        assertThat(order.get("name").asString()).isEqualTo(created.name());
        assertThat(rowsFor(created.legacyId())).isOne();
        assertThat(shopifyOrdersFor(shopify, id)).hasSize(1);
    }

    @Test
    void linksOrdersCreateThatOvertakesOurPushAndDoesNotPushAgain() {
        // Our push keeps failing as far as we can tell, while Shopify did create the order.
        shopify.faults().forShop(FAULTY_SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        long callsBefore = orderCreateCalls(shopify, FAULTY_SHOP);
        String id = accept("link-before-push@example.com", FAULTY_SHOP);
        await().atMost(WAIT).until(() -> orderCreateCalls(shopify, FAULTY_SHOP) > callsBefore);
        long shopifyId = 7_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFF);

        deliverOrdersCreate(id, shopifyId, "#2002");

        await().atMost(WAIT).until(() -> order(id).get("status").asString().equals("PUSHED"));
        JsonNode order = order(id);
        assertThat(order.get("shopifyOrderId").asLong()).isEqualTo(shopifyId);
        assertThat(order.get("shopifyGid").asString()).isEqualTo("gid://shopify/Order/" + shopifyId);
        assertThat(order.get("lastError")).isNull();
        assertThat(rowsFor(shopifyId)).isOne();

        // The push message still being retried now finds the order settled and creates nothing more.
        shopify.faults().clear();
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> shopifyOrdersFor(shopify, id).isEmpty());
        assertThat(order(id).get("shopifyOrderId").asLong()).isEqualTo(shopifyId);
    }

    /** Shopify's orders/create for an order the simulator does not hold, with Shopify's id and name. */
    private void deliverOrdersCreate(String orderId, long shopifyId, String name) {
        String payload = """
                {"id": %d, "admin_graphql_api_id": "gid://shopify/Order/%d", "name": "%s",
                 "email": "ada@example.com", "currency": "GBP", "total_price": "39.80",
                 "financial_status": "pending", "fulfillment_status": null,
                 "updated_at": "%s", "created_at": "%s",
                 "source_name": "orderbridge", "source_identifier": "%s", "tags": "test",
                 "line_items": [{"id": 1, "sku": "ENGINE-1", "title": "Difference engine", "quantity": 2,
                                 "price": "19.90"}]}
                """.formatted(shopifyId, shopifyId, name, Instant.now(), Instant.now(), orderId);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Shopify-Hmac-Sha256", sign(body));
        headers.set("X-Shopify-Topic", "orders/create");
        headers.set("X-Shopify-Shop-Domain", FAULTY_SHOP);
        headers.set("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        headers.set("X-Shopify-Event-Id", UUID.randomUUID().toString());
        var response =
                rest.exchange("/webhooks/shopify", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String accept(String email, String shop) {
        return PushFixtures.accept(rest, email, shop);
    }

    private JsonNode order(String id) {
        return PushFixtures.order(rest, id);
    }

    private int rowsFor(long shopifyId) {
        return jdbc.queryForObject(
                "select count(*) from shop_order where shopify_order_id = ?", Integer.class, shopifyId);
    }
}
