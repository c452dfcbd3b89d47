package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.webhook.WebhookFixtures.appUninstalled;
import static org.orderbridge.webhook.WebhookFixtures.awaitDeadLetter;
import static org.orderbridge.webhook.WebhookFixtures.customersRedact;
import static org.orderbridge.webhook.WebhookFixtures.deliver;
import static org.orderbridge.webhook.WebhookFixtures.newShopifyId;
import static org.orderbridge.webhook.WebhookFixtures.order;
import static org.orderbridge.webhook.WebhookFixtures.send;
import static org.orderbridge.webhook.WebhookFixtures.shopRedact;
import static org.orderbridge.webhook.WebhookFixtures.signedHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.platform.EmbeddedServices;
import org.orderbridge.push.PushFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.JsonNode;

/**
 * Shopify signs the body, not the headers: each test replays a signed body with headers an attacker chose and
 * checks that nothing is applied that the body (or Shopify itself) does not back.
 */
@OrderBridgeTest
class WebhookTrustBoundaryTest {

    /** Connected shops (access tokens in the embedded services), used by no other test. */
    private static final String LIVE_SHOP = "redact-live.myshopify.com";

    private static final String LEAVING_SHOP = "uninstalled.myshopify.com";
    private static final String RETURNING_SHOP = "reinstalled.myshopify.com";
    private static final String VICTIM_SHOP = "ob-test.myshopify.com";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EndToEndFixtures e2e;

    @Test
    void deadLettersShopRedactWhosePayloadNamesAnotherShop() throws Exception {
        long id = storeOrder(VICTIM_SHOP, "victim-order");
        String marker = "attacker-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";

        assertThat(deliver(port, "shop/redact", VICTIM_SHOP, UUID.randomUUID().toString(), shopRedact(9, marker))
                        .statusCode())
                .isEqualTo(200);

        var deadLetter = awaitDeadLetter(sqs, marker);
        assertThat(deadLetter.messageAttributes().get(DeadLetters.REASON).stringValue())
                .contains("names another shop");
        assertThat(orderCount(VICTIM_SHOP, id)).isOne();
        assertThat(untrustedCount()).isPositive();
    }

    @Test
    void deadLettersCustomersRedactBodyReplayedAsShopRedact() throws Exception {
        long id = storeOrder(VICTIM_SHOP, "replayed-topic");
        String body = customersRedact(1, VICTIM_SHOP, 7001, id);

        assertThat(deliver(port, "shop/redact", VICTIM_SHOP, UUID.randomUUID().toString(), body)
                        .statusCode())
                .isEqualTo(200);

        var deadLetter = awaitDeadLetter(sqs, "\"orders_to_redact\":[" + id + "]");
        assertThat(deadLetter.messageAttributes().get(DeadLetters.REASON).stringValue())
                .contains("belongs to another topic");
        assertThat(orderCount(VICTIM_SHOP, id)).isOne();
    }

    @Test
    void parksShopRedactWhileTheAppIsInstalledUntilAnOperatorErasesTheShop() throws Exception {
        long id = storeOrder(LIVE_SHOP, "live");
        String webhookId = UUID.randomUUID().toString();

        assertThat(deliver(port, "shop/redact", LIVE_SHOP, webhookId, shopRedact(4242, LIVE_SHOP))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "PARKED".equals(outcome(webhookId)));
        assertThat(orderCount(LIVE_SHOP, id)).isOne();
        JsonNode parked = admin(HttpMethod.GET, "/api/v1/admin/compliance/parked");
        assertThat(parked.findValuesAsString("webhookId")).contains(webhookId);
        assertThat(meters.counter("orderbridge.webhooks.compliance_parked").count())
                .isPositive();

        JsonNode erased = admin(HttpMethod.POST, "/api/v1/admin/compliance/parked/" + webhookId + "/erase");

        assertThat(erased.get("ordersErased").asInt()).isOne();
        assertThat(orderCount(LIVE_SHOP, id)).isZero();
        assertThat(admin(HttpMethod.GET, "/api/v1/admin/compliance/parked").findValuesAsString("webhookId"))
                .doesNotContain(webhookId);
    }

    @Test
    void erasesShopOnShopRedactOnceTheAppWasUninstalled() throws Exception {
        long id = storeOrder(LEAVING_SHOP, "leaving");
        String redactId = UUID.randomUUID().toString();

        assertThat(deliver(
                                port,
                                "customers/redact",
                                LEAVING_SHOP,
                                UUID.randomUUID().toString(),
                                customersRedact(77, LEAVING_SHOP, 7001, String.valueOf(id)))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select customer is null from shop_order where shopify_order_id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single());
        assertThat(deliver(
                                port,
                                "app/uninstalled",
                                LEAVING_SHOP,
                                UUID.randomUUID().toString(),
                                appUninstalled(77, LEAVING_SHOP))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from shop_installation where uninstalled_at is not null"
                                        + " and shop_domain = ?")
                                .param(LEAVING_SHOP)
                                .query(Long.class)
                                .single()
                        == 1);
        e2e.shopify().uninstallApp(LEAVING_SHOP);

        assertThat(deliver(port, "shop/redact", LEAVING_SHOP, redactId, shopRedact(77, LEAVING_SHOP))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> orderCount(LEAVING_SHOP, id) == 0);
    }

    @Test
    void parksALateShopRedactOnceTheShopInstalledTheAppAgain() throws Exception {
        long id = storeOrder(RETURNING_SHOP, "returning");
        String uninstall = UUID.randomUUID().toString();
        assertThat(deliver(port, "app/uninstalled", RETURNING_SHOP, uninstall, appUninstalled(78, RETURNING_SHOP))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "RECORDED".equals(outcome(uninstall)));
        e2e.shopify().uninstallApp(RETURNING_SHOP);
        e2e.shopify().addShop(RETURNING_SHOP, EmbeddedServices.SIMULATED_SHOPS.get(RETURNING_SHOP));
        String lateRedact = UUID.randomUUID().toString();

        assertThat(deliver(port, "shop/redact", RETURNING_SHOP, lateRedact, shopRedact(78, RETURNING_SHOP))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "PARKED".equals(outcome(lateRedact)));
        assertThat(orderCount(RETURNING_SHOP, id)).isOne();
        assertThat(jdbc.sql("select uninstalled_at is null from shop_installation where shop_domain = ?")
                        .param(RETURNING_SHOP)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(admin(HttpMethod.GET, "/api/v1/admin/compliance/parked").findValuesAsString("reason"))
                .contains("Shopify still accepts the app's access token: the app is installed");
    }

    @Test
    void acknowledgesButDropsASignedDeliveryReplayedAfterTheReplayWindow() throws Exception {
        long id = newShopifyId();
        byte[] body = order(id, Instant.now(), "replayed").getBytes(StandardCharsets.UTF_8);
        var headers = new HashMap<>(signedHeaders("orders/create", body));
        headers.put("X-Shopify-Shop-Domain", VICTIM_SHOP);
        headers.put(
                "X-Shopify-Triggered-At",
                Instant.now().minus(Duration.ofHours(7)).toString());
        double staleBefore = meters.counter("orderbridge.webhooks.stale").count();

        assertThat(send(port, body, headers).statusCode()).isEqualTo(200);

        assertThat(meters.counter("orderbridge.webhooks.stale").count()).isEqualTo(staleBefore + 1);
        String replayed = headers.get("X-Shopify-Webhook-Id");
        // The same body inside the window is applied: the drop above was the window's, not the body's.
        headers.put("X-Shopify-Triggered-At", Instant.now().toString());
        headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        assertThat(send(port, body, headers).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> orderCount(VICTIM_SHOP, id) == 1);
        assertThat(outcome(replayed)).as("the replay was never queued").isNull();
    }

    @Test
    void deadLettersComplianceRequestWithAnotherShopIdThanTheShopsKnownOne() throws Exception {
        String genuine = UUID.randomUUID().toString();
        assertThat(deliver(port, "customers/data_request", VICTIM_SHOP, genuine, dataRequest(5001, VICTIM_SHOP))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "RECORDED".equals(outcome(genuine)));
        String forged = dataRequest(6002, VICTIM_SHOP);

        assertThat(deliver(
                                port,
                                "customers/data_request",
                                VICTIM_SHOP,
                                UUID.randomUUID().toString(),
                                forged)
                        .statusCode())
                .isEqualTo(200);

        var deadLetter = awaitDeadLetter(sqs, "\"shop_id\":6002");
        assertThat(deadLetter.messageAttributes().get(DeadLetters.REASON).stringValue())
                .contains("another shop_id");
    }

    @Test
    void refusesOrderBodyReplayedUnderAnotherShop() throws Exception {
        long id = storeOrder(VICTIM_SHOP, "shop-a-buyer");
        String replay = order(id, Instant.now().plusSeconds(60), "filed-under-b");

        // Under a shop that stays connected: an erased one's deliveries are dropped before they are read.
        assertThat(deliver(
                                port,
                                "orders/updated",
                                WebhookFixtures.SHOP,
                                UUID.randomUUID().toString(),
                                replay)
                        .statusCode())
                .isEqualTo(200);

        var deadLetter = awaitDeadLetter(sqs, "filed-under-b");
        assertThat(deadLetter.messageAttributes().get(DeadLetters.REASON).stringValue())
                .contains("stored under another shop");
        assertThat(orderCount(WebhookFixtures.SHOP, id)).isZero();
        assertThat(orderCount(VICTIM_SHOP, id)).isOne();
    }

    @Test
    void marksOrderDeletedOnlyOnceShopifyNoLongerHasIt() throws Exception {
        String ours = e2e.accept("delete-replay@example.com", VICTIM_SHOP);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "PUSHED".equals(e2e.order(ours).get("status").asString()));
        long inShopify = e2e.order(ours).get("shopifyOrderId").asLong();
        long goneFromShopify = storeOrder(VICTIM_SHOP, "deleted-in-shopify");

        assertThat(deliver(
                                port,
                                "orders/delete",
                                VICTIM_SHOP,
                                UUID.randomUUID().toString(),
                                "{\"id\":" + inShopify + "}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(deliver(
                                port,
                                "orders/delete",
                                VICTIM_SHOP,
                                UUID.randomUUID().toString(),
                                "{\"id\":" + goneFromShopify + "}")
                        .statusCode())
                .isEqualTo(200);

        var deadLetter = awaitDeadLetter(sqs, "{\"id\":" + inShopify + "}");
        assertThat(deadLetter.messageAttributes().get(DeadLetters.REASON).stringValue())
                .contains("still exists in Shopify");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELETED".equals(status(goneFromShopify)));
        assertThat(e2e.order(ours).get("status").asString()).isEqualTo("PUSHED");
    }

    private long storeOrder(String shop, String note) throws Exception {
        long id = newShopifyId();
        assertThat(deliver(port, "orders/create", shop, UUID.randomUUID().toString(), order(id, Instant.now(), note))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> orderCount(shop, id) == 1);
        return id;
    }

    private static String dataRequest(long shopId, String shop) {
        return """
                {"shop_id":%d,"shop_domain":"%s","orders_requested":[1],
                 "customer":{"id":7001,"email":"jon@example.com","phone":"+4930123456"},"data_request":{"id":9999}}""".formatted(shopId, shop);
    }

    private long orderCount(String shop, long shopifyId) {
        return jdbc.sql("select count(*) from shop_order where shop_domain = ? and shopify_order_id = ?")
                .params(shop, shopifyId)
                .query(Long.class)
                .single();
    }

    private String status(long shopifyId) {
        return jdbc.sql("select status from shop_order where shopify_order_id = ?")
                .param(shopifyId)
                .query(String.class)
                .single();
    }

    private String outcome(String webhookId) {
        return jdbc.sql("select outcome from webhook_delivery where webhook_id = ?")
                .param(webhookId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private double untrustedCount() {
        var counter = meters.find("orderbridge.webhooks.dead_lettered")
                .tag("reason", "untrusted")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode admin(HttpMethod method, String path) {
        var response = e2e.call(method, path, PushFixtures.ADMIN_KEY);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
