package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.webhook.WebhookFixtures.SHOP;
import static org.orderbridge.webhook.WebhookFixtures.deliver;
import static org.orderbridge.webhook.WebhookFixtures.newShopifyId;
import static org.orderbridge.webhook.WebhookFixtures.order;
import static org.orderbridge.webhook.WebhookFixtures.send;
import static org.orderbridge.webhook.WebhookFixtures.signedHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Every way a delivery is refused at the door, with small limits so that the edges are cheap to reach. */
@OrderBridgeTest
@TestPropertySource(
        properties = {
            "orderbridge.webhook.allowed-shops=" + SHOP,
            "orderbridge.webhook.max-body-size=64KB",
            "orderbridge.webhook.max-message-size=2KB"
        })
class WebhookRejectionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void rejectsWebhookWithoutSignature() throws Exception {
        byte[] body = order(1, Instant.now(), "x").getBytes(StandardCharsets.UTF_8);
        var headers = new HashMap<>(signedHeaders("orders/create", body));
        headers.remove("X-Shopify-Hmac-Sha256");
        assertProblem(send(port, body, headers), 401, "X-Shopify-Hmac-Sha256 header is required");
    }

    @Test
    void rejectsWebhookWithInvalidSignature() throws Exception {
        byte[] body = order(1, Instant.now(), "x").getBytes(StandardCharsets.UTF_8);
        var headers =
                new HashMap<>(signedHeaders("orders/create", "{\"other\":true}".getBytes(StandardCharsets.UTF_8)));
        var response = send(port, body, headers);
        assertProblem(response, 401, "signature does not match");
        assertThat(response.body())
                .doesNotContain(headers.get("X-Shopify-Hmac-Sha256"))
                .doesNotContain("local-webhook-secret");
    }

    @Test
    void rejectsWebhookWithoutTopicHeader() throws Exception {
        byte[] body = order(1, Instant.now(), "x").getBytes(StandardCharsets.UTF_8);
        var headers = new HashMap<>(signedHeaders("orders/create", body));
        headers.remove("X-Shopify-Topic");
        assertProblem(send(port, body, headers), 400, "X-Shopify-Topic header is required");
    }

    @Test
    void rejectsWebhookFromShopNotAllowed() throws Exception {
        var response = deliver(
                port,
                "orders/create",
                "stranger.myshopify.com",
                UUID.randomUUID().toString(),
                order(1, Instant.now(), "x"));
        assertProblem(response, 403, "stranger.myshopify.com is not served");
    }

    @Test
    void rejectsBodyOverTheLimit() throws Exception {
        String huge = "{\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(deliver(port, "orders/create", huge), 413, "exceeds the limit");
    }

    @Test
    void rejectsSignedBodyThatIsNotAJsonObject() throws Exception {
        assertProblem(deliver(port, "orders/create", "[1,2,3]"), 400, "not a UTF-8 JSON object");
        assertProblem(deliver(port, "orders/create", "{\"id\":1"), 400, "not a UTF-8 JSON object");
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertProblem(
                send(port, invalidUtf8, signedHeaders("orders/create", invalidUtf8)), 400, "not a UTF-8 JSON object");
    }

    @Test
    void acknowledgesAndDropsTopicsItDoesNotSubscribeToUnderOneMetricSeries() throws Exception {
        double before = dropped("unhandled");
        assertThat(deliver(port, "products/delete", "{\"id\":1}").statusCode()).isEqualTo(200);
        assertThat(deliver(
                                port,
                                "attacker/topic_" + UUID.randomUUID().toString().replace("-", ""),
                                "{\"id\":1}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(dropped("unhandled")).isEqualTo(before + 2);
        assertThat(meters.find("orderbridge.webhooks.dropped").counters()).hasSize(1);
    }

    @Test
    void rejectsMalformedSignatureBeforeReadingTheBody() throws Exception {
        byte[] body = order(1, Instant.now(), "x").getBytes(StandardCharsets.UTF_8);
        var headers = new HashMap<>(signedHeaders("orders/create", body));
        headers.put("X-Shopify-Hmac-Sha256", "not-base64-of-32-bytes");
        assertProblem(send(port, body, headers), 401, "not a Base64 HMAC-SHA256");
    }

    @Test
    void rejectsShopHeaderThatIsNotAMyshopifyDomain() throws Exception {
        for (String shop : List.of(
                "ALPHA.myshopify.com",
                "alpha.myshopify.com.evil.example",
                "-x.myshopify.com",
                "a".repeat(300) + ".myshopify.com")) {
            var response =
                    deliver(port, "orders/create", shop, UUID.randomUUID().toString(), order(1, Instant.now(), "x"));
            assertProblem(response, 400, "X-Shopify-Shop-Domain header is not in Shopify's form");
        }
    }

    @Test
    void rejectsEventIdLongerThan255CharactersBeforeQueueing() throws Exception {
        byte[] body = order(newShopifyId(), Instant.now(), "long-event").getBytes(StandardCharsets.UTF_8);
        var headers = new HashMap<>(signedHeaders("orders/create", body));
        headers.put("X-Shopify-Event-Id", "e".repeat(256));
        assertProblem(send(port, body, headers), 400, "X-Shopify-Event-Id header is not in Shopify's form");
    }

    @Test
    void carriesPayloadLargerThanAnSqsMessageThroughTheDatabase() throws Exception {
        long id = newShopifyId();
        String note = "n".repeat(8 * 1024);
        assertThat(deliver(port, "orders/create", order(id, Instant.now(), note))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from shop_order where shopify_order_id = ? and length(note) = ?")
                                .params(id, note.length())
                                .query(Long.class)
                                .single()
                        == 1);
        // The claim check is deleted once the delivery is processed.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.sql("select count(*) from webhook_payload")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private double dropped(String topic) {
        var counter =
                meters.find("orderbridge.webhooks.dropped").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains(detail);
    }
}
