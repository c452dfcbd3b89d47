package org.orderbridge.webhook;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Signed Shopify deliveries over real HTTP, and realistic payloads. */
public final class WebhookFixtures {

    static final String SECRET = "local-webhook-secret";
    static final String SHOP = "alpha.myshopify.com";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private WebhookFixtures() {}

    public static String order(long id, Instant updatedAt, String note) {
        return order(id, updatedAt, note, null);
    }

    static String order(long id, Instant updatedAt, String note, String sourceIdentifier) {
        return """
                {"id":%d,"admin_graphql_api_id":"gid://shopify/Order/%d","name":"#%d","email":"jon@example.com",
                 "created_at":"2026-11-20T10:00:00Z","updated_at":"%s","currency":"EUR","total_price":"59.80",
                 "financial_status":"paid","fulfillment_status":null,"cancelled_at":null,"cancel_reason":null,
                 "note":"%s","tags":"wholesale, priority","source_name":"web","source_identifier":%s,
                 "customer":{"id":7001,"email":"jon@example.com","first_name":"Jon","last_name":"Snow","phone":"+4930123456"},
                 "shipping_address":{"first_name":"Jon","last_name":"Snow","address1":"Wall 1","city":"Berlin",
                   "zip":"10115","country":"Germany","country_code":"DE","phone":"+4930123456"},
                 "billing_address":{"first_name":"Jon","last_name":"Snow","address1":"Wall 1","city":"Berlin",
                   "zip":"10115","country":"Germany","country_code":"DE"},
                 "line_items":[{"id":1,"sku":"MUG-1","variant_id":42,"title":"Mug","quantity":2,"price":"29.90"}]}
                """.formatted(
                        id,
                        id,
                        id % 100000,
                        updatedAt,
                        note,
                        sourceIdentifier == null ? "null" : "\"" + sourceIdentifier + "\"");
    }

    static long newShopifyId() {
        return 5_000_000_000L + (System.nanoTime() & 0xFFFFFFFL);
    }

    static HttpResponse<String> deliver(int port, String topic, String body) throws IOException, InterruptedException {
        return deliver(port, topic, SHOP, UUID.randomUUID().toString(), body);
    }

    public static HttpResponse<String> deliver(int port, String topic, String shop, String webhookId, String body)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(
                port,
                bytes,
                Map.of(
                        "X-Shopify-Topic",
                        topic,
                        "X-Shopify-Shop-Domain",
                        shop,
                        "X-Shopify-Webhook-Id",
                        webhookId,
                        "X-Shopify-Hmac-Sha256",
                        WebhookSignature.sign(bytes, SECRET),
                        "X-Shopify-API-Version",
                        "2026-10",
                        "X-Shopify-Triggered-At",
                        Instant.now().toString()));
    }

    static HttpResponse<String> send(int port, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String shopRedact(long shopId, String shop) {
        return "{\"shop_id\":%d,\"shop_domain\":\"%s\"}".formatted(shopId, shop);
    }

    public static String customersRedact(long shopId, String shop, long customerId, Object... orderIds) {
        String ids = java.util.Arrays.stream(orderIds)
                .map(id -> id instanceof String text ? "\"" + text + "\"" : String.valueOf(id))
                .collect(java.util.stream.Collectors.joining(","));
        return """
                {"shop_id":%d,"shop_domain":"%s","customer":{"id":%d,"email":"jon@example.com","phone":"+4930123456"},
                 "orders_to_redact":[%s]}""".formatted(shopId, shop, customerId, ids);
    }

    public static String appUninstalled(long shopId, String shop) {
        return """
                {"id":%d,"name":"Shop","domain":"shop.example","myshopify_domain":"%s","email":"owner@example.com"}""".formatted(shopId, shop);
    }

    /** Waits for the dead-lettered message whose body contains the marker, removes it and returns it. */
    static Message awaitDeadLetter(SqsAsyncClient sqs, String marker) throws Exception {
        String dlq = sqs.getQueueUrl(b -> b.queueName("orderbridge-webhooks-dlq"))
                .get()
                .queueUrl();
        List<Message> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            sqs
                    .receiveMessage(b -> b.queueUrl(dlq)
                            .maxNumberOfMessages(10)
                            .messageAttributeNames("All")
                            .visibilityTimeout(1))
                    .get()
                    .messages()
                    .stream()
                    .filter(m -> m.body().contains(marker))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        sqs.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(found.getFirst().receiptHandle()))
                .get();
        return found.getFirst();
    }

    /** Deliveries of the topic that the service processed with this outcome so far. */
    public static double processed(MeterRegistry meters, String topic, String outcome) {
        var counter = meters.find("orderbridge.webhooks.processed")
                .tags("topic", topic, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static Map<String, String> signedHeaders(String topic, byte[] body) {
        return Map.of(
                "X-Shopify-Topic",
                topic,
                "X-Shopify-Shop-Domain",
                SHOP,
                "X-Shopify-Webhook-Id",
                UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256",
                WebhookSignature.sign(body, SECRET));
    }
}
