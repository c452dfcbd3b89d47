package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.orderbridge.webhook.WebhookFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Shopify's orders/create for an order we pushed finds that order (by source identifier), never a new one. */
@OrderBridgeTest
class WebhookLinkingTest {

    @Autowired
    EndToEndFixtures e2e;

    @LocalServerPort
    int port;

    @Test
    void appliesShopifysOrdersCreateToTheOrderWePushed() {
        String id = e2e.accept("link-after-push@example.com", PushFixtures.SHOP);

        // The simulator sends the signed orders/create for the order it created, as Shopify does.
        await().atMost(EndToEndFixtures.WAIT).until(() -> e2e.order(id).hasNonNull("shopifyUpdatedAt"));
        SimulatedOrder created = e2e.shopifyOrdersFor(id).getFirst();
        JsonNode order = e2e.order(id);
        assertThat(order.get("status").asString()).isEqualTo("PUSHED");
        assertThat(order.get("shopifyOrderId").asLong()).isEqualTo(created.legacyId());
        assertThat(order.get("name").asString()).isEqualTo(created.name());
        assertThat(rowsFor(created.legacyId())).isOne();
        assertThat(e2e.shopifyOrdersFor(id)).hasSize(1);
    }

    @Test
    void linksOrdersCreateThatOvertakesOurPushAndDoesNotPushAgain() throws Exception {
        // Our push keeps failing as far as we can tell, while Shopify did create the order.
        e2e.shopify().faults().forShop(FAULTY_SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        long callsBefore = e2e.orderCreateCalls(FAULTY_SHOP);
        String id = e2e.accept("link-before-push@example.com", FAULTY_SHOP);
        await().atMost(EndToEndFixtures.WAIT).until(() -> e2e.orderCreateCalls(FAULTY_SHOP) > callsBefore);
        long shopifyId = 7_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFF);

        deliverOrdersCreate(id, shopifyId, "#2002");

        JsonNode order = e2e.awaitStatus(id, "PUSHED");
        assertThat(order.get("shopifyOrderId").asLong()).isEqualTo(shopifyId);
        assertThat(order.get("shopifyGid").asString()).isEqualTo("gid://shopify/Order/" + shopifyId);
        assertThat(order.get("lastError")).isNull();
        assertThat(rowsFor(shopifyId)).isOne();

        // The push message still being retried now finds the order settled and creates nothing more.
        e2e.shopify().faults().clear();
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> e2e.shopifyOrdersFor(id).isEmpty());
        assertThat(e2e.order(id).get("shopifyOrderId").asLong()).isEqualTo(shopifyId);
    }

    /** Shopify's orders/create for an order the simulator does not hold, with Shopify's id and name. */
    private void deliverOrdersCreate(String orderId, long shopifyId, String name) throws Exception {
        String payload = """
                {"id": %d, "admin_graphql_api_id": "gid://shopify/Order/%d", "name": "%s",
                 "email": "ada@example.com", "currency": "GBP", "total_price": "39.80",
                 "financial_status": "pending", "fulfillment_status": null,
                 "updated_at": "%s", "created_at": "%s",
                 "source_name": "orderbridge", "source_identifier": "%s", "tags": "test",
                 "line_items": [{"id": 1, "sku": "ENGINE-1", "title": "Difference engine", "quantity": 2,
                                 "price": "19.90"}]}
                """.formatted(shopifyId, shopifyId, name, Instant.now(), Instant.now(), orderId);
        var response = WebhookFixtures.deliver(
                port, "orders/create", FAULTY_SHOP, UUID.randomUUID().toString(), payload);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private int rowsFor(long shopifyId) {
        return e2e.jdbc()
                .queryForObject("select count(*) from shop_order where shopify_order_id = ?", Integer.class, shopifyId);
    }
}
