package org.orderbridge.reliability;

import static org.orderbridge.reliability.HostileInputFixtures.UNKNOWN_TOPIC;
import static org.orderbridge.reliability.HostileInputFixtures.WEBHOOK_SECRET;
import static org.orderbridge.reliability.HostileInputFixtures.WEBHOOK_SHOP;
import static org.orderbridge.reliability.HostileInputFixtures.concat;
import static org.orderbridge.reliability.HostileInputFixtures.cutOff;
import static org.orderbridge.reliability.HostileInputFixtures.dropped;
import static org.orderbridge.reliability.HostileInputFixtures.named;
import static org.orderbridge.reliability.HostileInputFixtures.refused;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.orderbridge.reliability.HostileInputFixtures.Effect;
import org.orderbridge.reliability.HostileInputFixtures.HostileCase;

/** The corpus's deliveries to {@code POST /webhooks/shopify}, and the signed Shopify requests they start from. */
final class HostileWebhookCases {

    private HostileWebhookCases() {}

    static List<HostileCase> webhookCases() {
        var cases = new ArrayList<HostileCase>();
        byte[] order = shopifyOrder(7_100_000_001L);
        byte[] other = shopifyOrder(7_100_000_002L);
        cases.add(refused("webhook without signature", 401, webhook(UNKNOWN_TOPIC, order, null)));
        cases.add(refused("webhook with empty signature", 401, webhook(UNKNOWN_TOPIC, order, "")));
        cases.add(refused("webhook with blank signature", 401, webhook(UNKNOWN_TOPIC, order, "   ")));
        cases.add(refused("webhook with signature that is not base64", 401, webhook(UNKNOWN_TOPIC, order, "%%%*!")));
        cases.add(refused("webhook with hex signature", 401, webhook(UNKNOWN_TOPIC, order, hexHmac(order))));
        cases.add(refused(
                "webhook with signature over a different body", 401, webhook(UNKNOWN_TOPIC, order, sign(other))));
        cases.add(refused(
                "webhook with signature by another secret",
                401,
                webhook(UNKNOWN_TOPIC, order, sign(order, "not-the-secret"))));
        cases.add(refused(
                "webhook with signature of the empty body", 401, webhook(UNKNOWN_TOPIC, order, sign(new byte[0]))));
        cases.add(refused(
                "webhook with truncated signature",
                401,
                webhook(UNKNOWN_TOPIC, order, sign(order).substring(0, 20))));
        cases.add(refused(
                "webhook with signature and trailing garbage",
                401,
                webhook(UNKNOWN_TOPIC, order, sign(order) + "AAAA")));
        cases.add(refused(
                "webhook with 10 kB signature (beyond the 8 kB header limit)",
                400,
                webhook(UNKNOWN_TOPIC, order, "A".repeat(10_000))));
        cases.add(refused(
                "webhook signed over body plus trailing newline",
                401,
                webhook(UNKNOWN_TOPIC, order, sign(concat(order, "\n".getBytes(StandardCharsets.UTF_8))))));
        cases.add(refused(
                "webhook with wrong signature first of two",
                401,
                webhookRequest(UNKNOWN_TOPIC, WEBHOOK_SHOP, UUID.randomUUID().toString(), order)
                        .header("X-Shopify-Hmac-Sha256", sign(other))
                        .header("X-Shopify-Hmac-Sha256", sign(order))
                        .bytes()));
        cases.add(refused(
                "webhook with body truncated after signing",
                401,
                webhook(UNKNOWN_TOPIC, java.util.Arrays.copyOf(order, order.length / 2), sign(order))));
        cases.add(cutOff(
                "webhook body cut off mid-stream",
                400,
                webhookRequest(UNKNOWN_TOPIC, WEBHOOK_SHOP, UUID.randomUUID().toString(), order)
                        .header("X-Shopify-Hmac-Sha256", sign(order))
                        .contentLength(order.length + 100)
                        .bytes()));
        cases.add(refused(
                "webhook with declared length of 100 MB",
                413,
                webhookRequest(UNKNOWN_TOPIC, WEBHOOK_SHOP, UUID.randomUUID().toString(), order)
                        .header("X-Shopify-Hmac-Sha256", sign(order))
                        .contentLength(100_000_000)
                        .bytes()));
        byte[] huge = bigObject(5 * 1024 * 1024 + 1);
        cases.add(refused("webhook body one byte over 5 MB", 413, signedWebhook(UNKNOWN_TOPIC, huge)));
        cases.add(refused(
                "webhook chunked body over 5 MB",
                413,
                webhookRequest(UNKNOWN_TOPIC, WEBHOOK_SHOP, UUID.randomUUID().toString(), huge)
                        .header("X-Shopify-Hmac-Sha256", sign(huge))
                        .chunked()
                        .bytes()));
        // Signed, so from Shopify, but not a JSON object: Shopify never sends these; nothing may reach the queue.
        for (var notAnObject : named(
                        "empty body", "",
                        "JSON array", "[1,2,3]",
                        "JSON string", "\"order\"",
                        "JSON null", "null",
                        "number", "42",
                        "truncated JSON", "{\"id\":1,\"name\":",
                        "two objects", "{\"id\":1}{\"id\":2}",
                        "XML", "<order><id>1</id></order>",
                        "form data", "id=1&name=x",
                        "a 5000-digit number", "{\"id\":" + "9".repeat(5000) + "}",
                        "object nested 10000 deep", "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .entrySet()) {
            cases.add(refused(
                    "signed webhook with " + notAnObject.getKey(),
                    400,
                    signedWebhook("orders/create", notAnObject.getValue().getBytes(StandardCharsets.UTF_8))));
        }
        cases.add(refused(
                "signed webhook with invalid UTF-8",
                400,
                signedWebhook(
                        "orders/create",
                        concat(
                                "{\"note\":\"".getBytes(StandardCharsets.UTF_8),
                                new byte[] {(byte) 0xC3, (byte) 0x28},
                                "\"}".getBytes(StandardCharsets.UTF_8)))));
        cases.add(refused(
                "signed webhook with overlong UTF-8 slash",
                400,
                signedWebhook(
                        "orders/create",
                        concat(
                                "{\"note\":\"".getBytes(StandardCharsets.UTF_8),
                                new byte[] {(byte) 0xC0, (byte) 0xAF},
                                "\"}".getBytes(StandardCharsets.UTF_8)))));
        cases.add(refused(
                "signed webhook with UTF-8 encoded surrogate",
                400,
                signedWebhook(
                        "orders/create",
                        concat(
                                "{\"note\":\"".getBytes(StandardCharsets.UTF_8),
                                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                "\"}".getBytes(StandardCharsets.UTF_8)))));
        cases.add(refused(
                "signed webhook in UTF-16",
                400,
                signedWebhook("orders/create", "{\"id\":1}".getBytes(StandardCharsets.UTF_16))));
        // Signed JSON objects of a topic we do not handle: acknowledged so that Shopify does not retry, dropped.
        for (var odd : named(
                        "duplicate keys", "{\"id\":1,\"id\":2}",
                        "number 1e999999999", "{\"id\":1e999999999}",
                        "object nested 150 deep", "{\"a\":" + "[".repeat(150) + "]".repeat(150) + "}",
                        "NUL escapes", "{\"note\":\"a\\u0000b\"}",
                        "script strings", "{\"note\":\"<script>alert(1)</script>\"}")
                .entrySet()) {
            cases.add(dropped(
                    "signed webhook of unknown topic with " + odd.getKey(),
                    signedWebhook(UNKNOWN_TOPIC, odd.getValue().getBytes(StandardCharsets.UTF_8))));
        }
        for (String contentType : List.of(
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/xml")) {
            cases.add(dropped(
                    "signed webhook of unknown topic sent as " + contentType,
                    webhookRequest(
                                    UNKNOWN_TOPIC,
                                    WEBHOOK_SHOP,
                                    UUID.randomUUID().toString(),
                                    order)
                            .header("X-Shopify-Hmac-Sha256", sign(order))
                            .replaceHeader("Content-Type", contentType)
                            .bytes()));
        }
        cases.add(dropped(
                "signed webhook of unknown topic without content type",
                webhookRequest(UNKNOWN_TOPIC, WEBHOOK_SHOP, UUID.randomUUID().toString(), order)
                        .header("X-Shopify-Hmac-Sha256", sign(order))
                        .removeHeader("Content-Type")
                        .bytes()));
        // The topic header is not signed: one that Shopify could never send is refused before it is counted.
        cases.add(refused(
                "signed webhook of a 250-character unknown topic", 400, signedWebhook("x/" + "x".repeat(248), order)));
        for (String header : List.of("X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-Webhook-Id")) {
            cases.add(refused(
                    "signed webhook without " + header,
                    400,
                    webhookRequest(
                                    "orders/create",
                                    WEBHOOK_SHOP,
                                    UUID.randomUUID().toString(),
                                    order)
                            .header("X-Shopify-Hmac-Sha256", sign(order))
                            .removeHeader(header)
                            .bytes()));
            cases.add(refused(
                    "signed webhook with 300-character " + header,
                    400,
                    webhookRequest(
                                    "orders/create",
                                    WEBHOOK_SHOP,
                                    UUID.randomUUID().toString(),
                                    order)
                            .header("X-Shopify-Hmac-Sha256", sign(order))
                            .replaceHeader(header, "x".repeat(300))
                            .bytes()));
        }
        cases.add(dropped(
                "signed webhook with header injection in topic",
                webhookRequest(
                                UNKNOWN_TOPIC + "\r\nX-Shopify-Topic: orders/create",
                                WEBHOOK_SHOP,
                                UUID.randomUUID().toString(),
                                order)
                        .header("X-Shopify-Hmac-Sha256", sign(order))
                        .bytes()));
        // A replayed delivery is acknowledged every time and applied once (the listener dedups by webhook id).
        String replayed = UUID.randomUUID().toString();
        for (int i = 1; i <= 3; i++) {
            cases.add(new HostileCase(
                    "replayed webhook, delivery " + i,
                    webhookRequest("orders/create", WEBHOOK_SHOP, replayed, order)
                            .header("X-Shopify-Hmac-Sha256", sign(order))
                            .bytes(),
                    false,
                    Set.of(200),
                    Effect.ENQUEUES_DELIVERY,
                    body -> true));
        }
        cases.add(new HostileCase(
                "replayed webhook id with a different signed body",
                webhookRequest("orders/create", WEBHOOK_SHOP, replayed, other)
                        .header("X-Shopify-Hmac-Sha256", sign(other))
                        .bytes(),
                false,
                Set.of(200),
                Effect.ENQUEUES_DELIVERY,
                body -> true));
        cases.add(refused("GET on the webhook endpoint", 401, new RawRequest("GET", "/webhooks/shopify").bytes()));
        cases.add(refused(
                "PUT on the webhook endpoint",
                401,
                new RawRequest("PUT", "/webhooks/shopify")
                        .header("X-Shopify-Hmac-Sha256", sign(order))
                        .body(order)
                        .bytes()));
        return cases;
    }

    static byte[] shopifyOrder(long id) {
        return """
                {"id":%d,"admin_graphql_api_id":"gid://shopify/Order/%d","name":"#H%d","email":"hostile@example.com",
                 "created_at":"2026-11-20T10:00:00Z","updated_at":"2026-11-20T10:00:00Z","currency":"EUR",
                 "total_price":"10.00","financial_status":"paid","fulfillment_status":null,"note":"corpus",
                 "tags":"","source_name":"web","customer":{"id":7002,"email":"hostile@example.com"},
                 "line_items":[{"id":1,"sku":"H-1","variant_id":43,"title":"Thing","quantity":1,"price":"10.00"}]}
                """.formatted(id, id, id % 1000).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bigObject(int size) {
        String head = "{\"note\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    static RawRequest webhookRequest(String topic, String shop, String webhookId, byte[] body) {
        return new RawRequest("POST", "/webhooks/shopify")
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", shop)
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-API-Version", "2026-10")
                .body(body);
    }

    static byte[] webhook(String topic, byte[] body, String signature) {
        var request = webhookRequest(topic, WEBHOOK_SHOP, UUID.randomUUID().toString(), body);
        if (signature != null) {
            request.header("X-Shopify-Hmac-Sha256", signature);
        }
        return request.bytes();
    }

    static byte[] signedWebhook(String topic, byte[] body) {
        return webhook(topic, body, sign(body));
    }

    static String sign(byte[] body) {
        return sign(body, WEBHOOK_SECRET);
    }

    static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmac(body, secret));
    }

    static String hexHmac(byte[] body) {
        return java.util.HexFormat.of().formatHex(hmac(body, WEBHOOK_SECRET));
    }
}
