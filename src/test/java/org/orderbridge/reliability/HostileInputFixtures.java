package org.orderbridge.reliability;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.orderbridge.push.PushFixtures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The hostile input corpus: every public endpoint, sent what no well-behaved client sends, each with the
 * answer the service owes it. docs/reliability.md ("Hostile input") explains the choices.
 */
final class HostileInputFixtures {

    static final String WEBHOOK_SECRET = "local-webhook-secret";
    static final String ADMIN_KEY = PushFixtures.ADMIN_KEY;
    static final String WRITE_KEY = PushFixtures.WRITE_KEY;
    static final String READ_KEY = PushFixtures.READ_KEY;
    /** Deliveries of the corpus come from this shop, so that what they store can be counted. */
    static final String WEBHOOK_SHOP = "hostile.myshopify.com";
    /** Orders of the corpus have this customer, so that what they store can be counted. */
    static final String INTAKE_EMAIL = "corpus@hostile.example";

    static final String UNKNOWN_TOPIC = "hostile/unknown";
    /** Never to appear in a response: the credentials of the local profile. */
    static final List<String> SECRETS = List.of(WEBHOOK_SECRET, ADMIN_KEY, WRITE_KEY, READ_KEY);

    /** Strings that try to be code somewhere downstream: SQL, HTML, JNDI lookups, paths, a NUL byte. */
    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1' --",
            "'; DROP TABLE shop_order; --",
            "<script>alert(document.cookie)</script>",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "../../../../etc/passwd",
            "nul\u0000byte");

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileInputFixtures() {}

    /** What a case may leave behind when it is answered as expected. */
    enum Effect {
        NOTHING,
        ENQUEUES_DELIVERY,
        CREATES_ORDER
    }

    record HostileCase(
            String name,
            byte[] request,
            boolean halfClose,
            Set<Integer> expected,
            Effect effect,
            Predicate<String> body) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<HostileCase> corpus() {
        var corpus = new ArrayList<HostileCase>();
        corpus.addAll(webhookCases());
        corpus.addAll(intakeCases());
        corpus.addAll(queryCases());
        corpus.addAll(accessCases());
        corpus.addAll(protocolCases());
        return corpus;
    }

    // --- POST /webhooks/shopify ------------------------------------------------------------------------------

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

    // --- POST /api/v1/orders ---------------------------------------------------------------------------------

    /** Fields of the intake body with their longest allowed value, or 0 where a pattern refuses any payload. */
    private static final Map<String, Integer> INTAKE_FIELDS = orderedMap(
            "externalId",
            255,
            "shop",
            0,
            "customer.email",
            0,
            "customer.firstName",
            255,
            "customer.lastName",
            255,
            "customer.phone",
            32,
            "shippingAddress.firstName",
            255,
            "shippingAddress.lastName",
            255,
            "shippingAddress.company",
            255,
            "shippingAddress.address1",
            255,
            "shippingAddress.address2",
            255,
            "shippingAddress.city",
            255,
            "shippingAddress.province",
            255,
            "shippingAddress.provinceCode",
            16,
            "shippingAddress.zip",
            32,
            "shippingAddress.country",
            255,
            "shippingAddress.countryCode",
            0,
            "shippingAddress.phone",
            32,
            "billingAddress.city",
            255,
            "lineItems.0.sku",
            255,
            "lineItems.0.title",
            255,
            "lineItems.0.unitPrice",
            0,
            "currency",
            0,
            "note",
            5000,
            "tags.0",
            40);

    static List<HostileCase> intakeCases() {
        var cases = new ArrayList<HostileCase>();
        for (var field : INTAKE_FIELDS.entrySet()) {
            for (String payload : PAYLOADS) {
                var order = intakeOrder();
                put(order, field.getKey(), payload);
                boolean valid = payload.length() <= field.getValue() && payload.indexOf('\u0000') < 0;
                String name = "intake with " + field.getKey() + " = " + printable(payload);
                byte[] request =
                        api("POST", "/api/v1/orders", WRITE_KEY).json(order).bytes();
                cases.add(
                        valid
                                ? new HostileCase(
                                        name,
                                        request,
                                        false,
                                        Set.of(201),
                                        Effect.CREATES_ORDER,
                                        body -> body.contains(jsonString(payload)))
                                : refused(name, 400, request));
            }
        }
        cases.add(refused(
                "intake as text/plain",
                415,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(valid())
                        .replaceHeader("Content-Type", "text/plain")
                        .bytes()));
        cases.add(refused(
                "intake as XML",
                415,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body("<order/>".getBytes(StandardCharsets.UTF_8))
                        .replaceHeader("Content-Type", "application/xml")
                        .bytes()));
        cases.add(refused(
                "intake as form",
                415,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body("externalId=x".getBytes(StandardCharsets.UTF_8))
                        .replaceHeader("Content-Type", "application/x-www-form-urlencoded")
                        .bytes()));
        cases.add(refused(
                "intake without content type",
                415,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(valid())
                        .removeHeader("Content-Type")
                        .bytes()));
        cases.add(refused(
                "intake with empty body",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY).bytes()));
        cases.add(refused(
                "intake with JSON null",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY).text("null").bytes()));
        cases.add(refused(
                "intake with JSON array",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY).text("[]").bytes()));
        cases.add(refused(
                "intake with truncated JSON",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(java.util.Arrays.copyOf(valid(), valid().length / 2))
                        .bytes()));
        cases.add(cutOff(
                "intake body cut off mid-stream",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(java.util.Arrays.copyOf(valid(), valid().length / 2))
                        .contentLength(valid().length)
                        .bytes()));
        cases.add(refused(
                "intake with invalid UTF-8 in a string",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(valid(), "leave at the door", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}))
                        .bytes()));
        // Known gap (docs/reliability.md): Jackson decodes an overlong sequence instead of refusing it.
        cases.add(new HostileCase(
                "intake with overlong UTF-8",
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(valid(), "leave at the door", new byte[] {(byte) 0xC0, (byte) 0xAF}))
                        .bytes(),
                false,
                Set.of(201),
                Effect.CREATES_ORDER,
                body -> true));
        cases.add(refused(
                "intake nested 100000 deep",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .text("{\"note\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                        .bytes()));
        cases.add(refused(
                "intake with a 5000-digit quantity",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(
                                valid(),
                                "\"quantity\":2",
                                ("\"quantity\":" + "9".repeat(5000)).getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "intake with quantity 1e999999999",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(
                                valid(), "\"quantity\":2", "\"quantity\":1e999999999".getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "intake with quantity above int",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(
                                valid(), "\"quantity\":2", "\"quantity\":4294967297".getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "intake with negative variant id",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(
                                valid(),
                                "\"quantity\":2",
                                "\"quantity\":2,\"variantId\":-5".getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "intake with a 40-digit variant id",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(
                                valid(),
                                "\"quantity\":2",
                                ("\"quantity\":2,\"variantId\":" + "9".repeat(40)).getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "intake with a price of 10^20",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(
                                valid(), "\"19.90\"", "\"100000000000000000000\"".getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "intake with duplicate externalId keys",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(replace(
                                valid(),
                                "{",
                                ("{\"externalId\":\"dup-" + UUID.randomUUID() + "\",")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "intake with a string where an object belongs",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(withField("customer", "<script>"))
                        .bytes()));
        cases.add(refused(
                "intake with an object where a string belongs",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(withField("note", Map.of("$gt", "")))
                        .bytes()));
        cases.add(refused(
                "intake with 251 line items",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(withField(
                                "lineItems",
                                java.util.Collections.nCopies(
                                        251, Map.of("sku", "X", "title", "X", "quantity", 1, "unitPrice", "1.00"))))
                        .bytes()));
        cases.add(refused(
                "intake with a 2 MB note",
                413,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(withField("note", "x".repeat(2_000_000)))
                        .bytes()));
        cases.add(refused(
                "intake with declared length of 1 GB",
                413,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(valid())
                        .contentLength(1_000_000_000)
                        .bytes()));
        cases.add(refused(
                "intake chunked over 1 MB",
                413,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .body(withField("note", "x".repeat(1_500_000)))
                        .chunked()
                        .bytes()));
        return cases;
    }

    // --- GET /api/v1/orders[/{id}], POST /{id}/cancel, /{id}/push, dead-letter admin --------------------------

    static List<HostileCase> queryCases() {
        var cases = new ArrayList<HostileCase>();
        for (String payload : PAYLOADS) {
            String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            boolean nul = payload.indexOf('\u0000') >= 0;
            String shown = printable(payload);
            byte[] byShop =
                    api("GET", "/api/v1/orders?shop=" + encoded, READ_KEY).bytes();
            cases.add(
                    nul
                            ? refused("list with shop = " + shown, 400, byShop)
                            : new HostileCase(
                                    "list with shop = " + shown,
                                    byShop,
                                    false,
                                    Set.of(200),
                                    Effect.NOTHING,
                                    body -> body.contains("\"items\":[]")));
            for (String parameter : List.of("status", "updatedSince", "cursor", "limit")) {
                cases.add(refused(
                        "list with " + parameter + " = " + shown,
                        400,
                        api("GET", "/api/v1/orders?" + parameter + "=" + encoded, READ_KEY)
                                .bytes()));
            }
            cases.add(refused(
                    "get order " + shown,
                    400,
                    api("GET", "/api/v1/orders/" + encoded, READ_KEY).bytes()));
            cases.add(refused(
                    "cancel order " + shown,
                    400,
                    api("POST", "/api/v1/orders/" + encoded + "/cancel", WRITE_KEY)
                            .bytes()));
            cases.add(refused(
                    "push order " + shown,
                    400,
                    api("POST", "/api/v1/orders/" + encoded + "/push", ADMIN_KEY)
                            .bytes()));
            cases.add(refused(
                    "dead letters of queue " + shown,
                    400,
                    api("GET", "/api/v1/admin/dead-letters?queue=" + encoded, ADMIN_KEY)
                            .bytes()));
            cases.add(refused(
                    "redrive of queue " + shown,
                    400,
                    api("POST", "/api/v1/admin/dead-letters/redrive?queue=" + encoded, ADMIN_KEY)
                            .bytes()));
        }
        for (String path : List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "..%2f..%2fetc%2fpasswd",
                "%2e%2e%2fetc%2fpasswd",
                "..;%2F..;%2Fetc",
                "%00",
                "abc%00def",
                "..%5C..%5Cwindows",
                "%252e%252e%252f",
                "%C0%AF",
                "%FF%FE",
                "x".repeat(300),
                UUID.randomUUID() + "%00",
                UUID.randomUUID() + ";jsessionid=1",
                "%E2%80%AE" + UUID.randomUUID(),
                "00000000-0000-0000-0000-00000000000G")) {
            cases.add(refused(
                    "get order " + abbreviate(path),
                    400,
                    api("GET", "/api/v1/orders/" + path, READ_KEY).bytes()));
        }
        cases.add(refused(
                "get order with a 6000-character id",
                400,
                api("GET", "/api/v1/orders/" + "a".repeat(6000), READ_KEY).bytes()));
        cases.add(refused(
                "get order with a 20000-character id",
                400,
                api("GET", "/api/v1/orders/" + "a".repeat(20_000), READ_KEY).bytes()));
        cases.add(refused(
                "get unknown order",
                404,
                api("GET", "/api/v1/orders/" + UUID.randomUUID(), READ_KEY).bytes()));
        cases.add(refused(
                "list with limit 0",
                400,
                api("GET", "/api/v1/orders?limit=0", READ_KEY).bytes()));
        cases.add(refused(
                "list with limit 501",
                400,
                api("GET", "/api/v1/orders?limit=501", READ_KEY).bytes()));
        cases.add(refused(
                "list with limit above long",
                400,
                api("GET", "/api/v1/orders?limit=99999999999999999999999", READ_KEY)
                        .bytes()));
        cases.add(refused(
                "list with limit -1",
                400,
                api("GET", "/api/v1/orders?limit=-1", READ_KEY).bytes()));
        cases.add(refused(
                "list with a cursor of 10000 characters",
                400,
                api("GET", "/api/v1/orders?cursor=" + "A".repeat(10_000), READ_KEY)
                        .bytes()));
        cases.add(refused(
                "list with a cursor of a huge epoch",
                400,
                api(
                                "GET",
                                "/api/v1/orders?cursor="
                                        + Base64.getUrlEncoder()
                                                .withoutPadding()
                                                .encodeToString(("9".repeat(30) + ":0:" + UUID.randomUUID())
                                                        .getBytes(StandardCharsets.UTF_8)),
                                READ_KEY)
                        .bytes()));
        cases.add(refused(
                "list with updatedSince beyond year 1000000000",
                400,
                api("GET", "/api/v1/orders?updatedSince=+1000000000-01-01T00:00:00Z", READ_KEY)
                        .bytes()));
        cases.add(new HostileCase(
                "list with repeated shop parameters",
                api("GET", "/api/v1/orders?shop=a.myshopify.com&shop=b.myshopify.com", READ_KEY)
                        .bytes(),
                false,
                Set.of(200, 400),
                Effect.NOTHING,
                body -> true));
        cases.add(refused(
                "dead letters with max 0",
                400,
                api("GET", "/api/v1/admin/dead-letters?queue=push&max=0", ADMIN_KEY)
                        .bytes()));
        cases.add(refused(
                "dead letters without queue",
                400,
                api("GET", "/api/v1/admin/dead-letters", ADMIN_KEY).bytes()));
        cases.add(refused(
                "redrive with max 1001",
                400,
                api("POST", "/api/v1/admin/dead-letters/redrive?queue=push&max=1001", ADMIN_KEY)
                        .bytes()));
        return cases;
    }

    // --- keys, roles, methods, paths -------------------------------------------------------------------------

    static List<HostileCase> accessCases() {
        var cases = new ArrayList<HostileCase>();
        String order = "/api/v1/orders/" + UUID.randomUUID();
        record Endpoint(String method, String path, String tooWeakKey) {}
        var endpoints = List.of(
                new Endpoint("GET", "/api/v1/orders", null),
                new Endpoint("GET", order, null),
                new Endpoint("POST", "/api/v1/orders", READ_KEY),
                new Endpoint("POST", order + "/cancel", READ_KEY),
                new Endpoint("POST", order + "/push", WRITE_KEY),
                new Endpoint("GET", "/api/v1/admin/dead-letters?queue=push", WRITE_KEY),
                new Endpoint("POST", "/api/v1/admin/dead-letters/redrive?queue=push", WRITE_KEY),
                new Endpoint("GET", "/actuator/prometheus", null));
        for (var endpoint : endpoints) {
            String name = endpoint.method() + " " + endpoint.path().replace(order, "/api/v1/orders/{id}");
            cases.add(refused(
                    name + " without key",
                    401,
                    api(endpoint.method(), endpoint.path(), null).json(Map.of()).bytes()));
            cases.add(refused(
                    name + " with unknown key",
                    401,
                    api(endpoint.method(), endpoint.path(), "local-admin-key-0002")
                            .json(Map.of())
                            .bytes()));
            cases.add(refused(
                    name + " with empty key",
                    401,
                    api(endpoint.method(), endpoint.path(), "").json(Map.of()).bytes()));
            cases.add(refused(
                    name + " with SQL as key",
                    401,
                    api(endpoint.method(), endpoint.path(), "' OR '1'='1")
                            .json(Map.of())
                            .bytes()));
            cases.add(refused(
                    name + " with wrong bearer token",
                    401,
                    api(endpoint.method(), endpoint.path(), null)
                            .header("Authorization", "Bearer " + ADMIN_KEY + "x")
                            .json(Map.of())
                            .bytes()));
            if (endpoint.tooWeakKey() != null) {
                cases.add(refused(
                        name + " with a key of too weak a role",
                        403,
                        api(endpoint.method(), endpoint.path(), endpoint.tooWeakKey())
                                .json(Map.of())
                                .bytes()));
            }
        }
        cases.add(refused(
                "admin key with a trailing no-break space",
                401,
                api("GET", "/api/v1/admin/dead-letters?queue=push", null)
                        .rawHeader("X-API-Key: " + ADMIN_KEY + "\u00a0")
                        .bytes()));
        cases.add(refused(
                "key prefixed by a Latin-1 byte",
                401,
                api("GET", "/api/v1/orders", null)
                        .rawHeader("X-API-Key: \u00ff" + READ_KEY)
                        .bytes()));
        cases.add(refused(
                "Basic authentication with an admin key",
                401,
                api("GET", "/api/v1/orders", null)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        ("admin:" + ADMIN_KEY).getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "CRLF in API key injecting a second key header",
                401,
                api("GET", "/api/v1/orders", null)
                        .rawHeader("X-API-Key: wrong-key-000000000\r\nX-API-Key: " + READ_KEY)
                        .bytes()));
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            cases.add(refused(
                    method + " on the orders collection",
                    405,
                    api(method, "/api/v1/orders", ADMIN_KEY).json(Map.of()).bytes()));
            cases.add(refused(
                    method + " on an order",
                    405,
                    api(method, order, ADMIN_KEY).json(Map.of()).bytes()));
        }
        cases.add(refused(
                "GET on cancel", 405, api("GET", order + "/cancel", ADMIN_KEY).bytes()));
        cases.add(refused(
                "GET on redrive",
                405,
                api("GET", "/api/v1/admin/dead-letters/redrive?queue=push", ADMIN_KEY)
                        .bytes()));
        cases.add(refused(
                "unknown API path",
                404,
                api("GET", "/api/v1/nothing-here", ADMIN_KEY).bytes()));
        cases.add(refused(
                "unknown API version",
                403,
                api("GET", "/api/v2/orders", ADMIN_KEY).bytes()));
        cases.add(refused(
                "unknown path without key", 401, api("GET", "/etc/passwd", null).bytes()));
        cases.add(refused(
                "unexposed actuator endpoint",
                403,
                api("GET", "/actuator/env", ADMIN_KEY).bytes()));
        cases.add(refused(
                "actuator shutdown",
                403,
                api("POST", "/actuator/shutdown", ADMIN_KEY).bytes()));
        cases.add(refused(
                "actuator heapdump",
                403,
                api("GET", "/actuator/heapdump", ADMIN_KEY).bytes()));
        cases.add(refused(
                "health with a traversal",
                400,
                api("GET", "/actuator/health/..%2F..%2Fenv", ADMIN_KEY).bytes()));
        // Tomcat refuses TRACE itself (allowTrace is off), before the security firewall sees it.
        cases.add(
                refused("TRACE", 405, api("TRACE", "/api/v1/orders", ADMIN_KEY).bytes()));
        cases.add(refused(
                "unknown method", 400, api("FROB", "/api/v1/orders", ADMIN_KEY).bytes()));
        return cases;
    }

    // --- malformed HTTP --------------------------------------------------------------------------------------

    static List<HostileCase> protocolCases() {
        var cases = new ArrayList<HostileCase>();
        cases.add(refused(
                "control byte in a header value",
                400,
                api("GET", "/api/v1/orders", READ_KEY)
                        .rawHeader("X-Note: a\u0001b")
                        .bytes()));
        cases.add(refused(
                "header name with a space",
                400,
                api("GET", "/api/v1/orders", READ_KEY).rawHeader("X Note: x").bytes()));
        cases.add(refused(
                "header line without a colon",
                400,
                api("GET", "/api/v1/orders", READ_KEY).rawHeader("garbage").bytes()));
        // RFC 9112 lets a server take a bare LF as a line end: two headers, and the first key counts.
        cases.add(new HostileCase(
                "bare LF inside a header value",
                api("GET", "/api/v1/orders?limit=1", READ_KEY)
                        .rawHeader("X-Note: a\nX-API-Key: " + ADMIN_KEY)
                        .bytes(),
                false,
                Set.of(200),
                Effect.NOTHING,
                body -> true));
        cases.add(refused(
                "non-numeric Content-Length",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .json(intakeOrder())
                        .contentLength("abc")
                        .bytes()));
        cases.add(refused(
                "negative Content-Length",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .json(intakeOrder())
                        .contentLength("-1")
                        .bytes()));
        cases.add(refused(
                "two different Content-Lengths",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .json(intakeOrder())
                        .rawHeader("Content-Length: 3")
                        .bytes()));
        // RFC 9112: Transfer-Encoding overrides Content-Length; the chunked body is the request.
        cases.add(new HostileCase(
                "Content-Length and chunked together",
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .json(intakeOrder())
                        .chunked()
                        .rawHeader("Content-Length: 3")
                        .bytes(),
                false,
                Set.of(201),
                Effect.CREATES_ORDER,
                body -> true));
        cases.add(refused(
                "unknown transfer coding",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .text("{}")
                        .header("Transfer-Encoding", "gzip, chunked, rot13")
                        .bytes()));
        cases.add(refused(
                "invalid chunk size",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .text("zz\r\n{}\r\n0\r\n\r\n")
                        .replaceHeader("Transfer-Encoding", "chunked")
                        .bytes()));
        cases.add(refused(
                "missing Host",
                400,
                api("GET", "/api/v1/orders", READ_KEY).removeHeader("Host").bytes()));
        cases.add(refused(
                "two Host headers",
                400,
                api("GET", "/api/v1/orders", READ_KEY)
                        .rawHeader("Host: evil.example")
                        .bytes()));
        cases.add(refused(
                "20 kB of headers",
                400,
                api("GET", "/api/v1/orders", READ_KEY)
                        .rawHeader("X-Padding: " + "p".repeat(20_000))
                        .bytes()));
        cases.add(refused(
                "space in the request target",
                400,
                api("GET", "/api/v1/orders/a b", READ_KEY).bytes()));
        cases.add(refused(
                "raw non-ASCII bytes in the request target",
                400,
                concat(
                        "GET /api/v1/orders/".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        (" HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + READ_KEY + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII))));
        cases.add(refused(
                "HTTP/9.9",
                505,
                ("GET /api/v1/orders HTTP/9.9\r\nHost: 127.0.0.1\r\nX-API-Key: " + READ_KEY
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
        cases.add(refused(
                "request line of garbage",
                400,
                "\u0001\u0002\u0003 garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(refused(
                "absolute-form target of another host",
                400,
                api("GET", "http://evil.example/api/v1/nothing", ADMIN_KEY).bytes()));
        return cases;
    }

    // --- building blocks -------------------------------------------------------------------------------------

    private static HostileCase refused(String name, int status, byte[] request) {
        return new HostileCase(name, request, false, Set.of(status), Effect.NOTHING, body -> true);
    }

    /** Sent in part, then the client stops writing: a body shorter than its Content-Length. */
    private static HostileCase cutOff(String name, int status, byte[] request) {
        return new HostileCase(name, request, true, Set.of(status), Effect.NOTHING, body -> true);
    }

    private static HostileCase dropped(String name, byte[] request) {
        return new HostileCase(name, request, false, Set.of(200), Effect.NOTHING, body -> true);
    }

    static Map<String, Object> intakeOrder() {
        var order = PushFixtures.orderRequest("hostile-" + UUID.randomUUID(), INTAKE_EMAIL);
        return deepCopy(order);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> value) {
        return JSON.readValue(JSON.writeValueAsBytes(value), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> order, String path, Object value) {
        String[] parts = path.split("\\.");
        Object node = order;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node instanceof List<?> list
                    ? list.get(Integer.parseInt(parts[i]))
                    : ((Map<String, Object>) node).get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (node instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        } else {
            ((Map<String, Object>) node).put(last, value);
        }
    }

    /** A valid intake body of a new order. */
    private static byte[] valid() {
        return json(intakeOrder());
    }

    private static byte[] withField(String field, Object value) {
        var order = intakeOrder();
        order.put(field, value);
        return json(order);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonString(String text) {
        String quoted = new String(json(text), StandardCharsets.UTF_8);
        return quoted.substring(1, quoted.length() - 1);
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

    private static byte[] bigObject(int size) {
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

    private static byte[] webhook(String topic, byte[] body, String signature) {
        var request = webhookRequest(topic, WEBHOOK_SHOP, UUID.randomUUID().toString(), body);
        if (signature != null) {
            request.header("X-Shopify-Hmac-Sha256", signature);
        }
        return request.bytes();
    }

    private static byte[] signedWebhook(String topic, byte[] body) {
        return webhook(topic, body, sign(body));
    }

    static String sign(byte[] body) {
        return sign(body, WEBHOOK_SECRET);
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmac(body, secret));
    }

    private static String hexHmac(byte[] body) {
        return java.util.HexFormat.of().formatHex(hmac(body, WEBHOOK_SECRET));
    }

    private static RawRequest api(String method, String target, String apiKey) {
        var request = new RawRequest(method, target);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return request;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] replace(byte[] body, String target, byte[] replacement) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(target);
        if (at < 0) {
            throw new IllegalArgumentException(target + " not in body");
        }
        return concat(
                java.util.Arrays.copyOfRange(body, 0, at),
                replacement,
                java.util.Arrays.copyOfRange(body, at + target.length(), body.length));
    }

    private static String printable(String text) {
        return abbreviate(text.replace("\u0000", "\\0"));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    private static Map<String, String> named(String... entries) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put(entries[i], entries[i + 1]);
        }
        return map;
    }

    private static Map<String, Integer> orderedMap(Object... entries) {
        var map = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], (Integer) entries[i + 1]);
        }
        return map;
    }

    /** A request as bytes on the wire; by default well-formed, with Host, Content-Length and Connection: close. */
    static final class RawRequest {

        private final String method;
        private final String target;
        private final List<String> headers = new ArrayList<>();
        private final List<String> rawHeaders = new ArrayList<>();
        private byte[] body;
        private String contentLength;
        private boolean chunked;

        RawRequest(String method, String target) {
            this.method = method;
            this.target = target;
            header("Host", "127.0.0.1");
        }

        RawRequest header(String name, String value) {
            headers.add(name + ": " + value);
            return this;
        }

        RawRequest replaceHeader(String name, String value) {
            removeHeader(name);
            return header(name, value);
        }

        RawRequest removeHeader(String name) {
            headers.removeIf(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
            return this;
        }

        /** Appended verbatim, so it may hold what a header must not: CR, LF, control or non-ASCII bytes. */
        RawRequest rawHeader(String line) {
            rawHeaders.add(line);
            return this;
        }

        RawRequest body(byte[] bytes) {
            this.body = bytes;
            if (headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Content-Type:", 0, 13))) {
                header("Content-Type", "application/json");
            }
            return this;
        }

        RawRequest json(Object value) {
            return body(HostileInputFixtures.json(value));
        }

        RawRequest text(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        RawRequest contentLength(long length) {
            return contentLength(String.valueOf(length));
        }

        RawRequest contentLength(String length) {
            this.contentLength = length;
            return this;
        }

        RawRequest chunked() {
            this.chunked = true;
            return this;
        }

        byte[] bytes() {
            var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            var all = new ArrayList<>(headers);
            if (chunked) {
                all.add("Transfer-Encoding: chunked");
            } else if (contentLength != null) {
                all.add("Content-Length: " + contentLength);
            } else if (body != null && headers.stream().noneMatch(h -> h.startsWith("Transfer-Encoding"))) {
                all.add("Content-Length: " + body.length);
            }
            all.add("Connection: close");
            all.addAll(rawHeaders);
            all.forEach(h -> head.append(h).append("\r\n"));
            head.append("\r\n");
            byte[] payload = body == null ? new byte[0] : chunked ? chunk(body) : body;
            return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), payload);
        }

        private static byte[] chunk(byte[] body) {
            var out = new ByteArrayOutputStream();
            for (int at = 0; at < body.length; at += 65_536) {
                int length = Math.min(65_536, body.length - at);
                out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, length);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }
}
