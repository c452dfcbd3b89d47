package org.orderbridge.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.orderbridge.push.PushFixtures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The hostile input corpus: every public endpoint, sent what no well-behaved client sends, each with the
 * answer the service owes it. docs/reliability.md ("Hostile input") explains the choices. The cases are
 * grouped by what they attack: {@link HostileWebhookCases}, {@link HostileIntakeCases},
 * {@link HostileApiCases} and {@link HostileProtocolCases}; {@link RawRequest} writes them as bytes on the wire.
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
        corpus.addAll(HostileWebhookCases.webhookCases());
        corpus.addAll(HostileIntakeCases.intakeCases());
        corpus.addAll(HostileApiCases.queryCases());
        corpus.addAll(HostileApiCases.accessCases());
        corpus.addAll(HostileProtocolCases.protocolCases());
        return corpus;
    }

    // --- building blocks -------------------------------------------------------------------------------------

    static HostileCase refused(String name, int status, byte[] request) {
        return new HostileCase(name, request, false, Set.of(status), Effect.NOTHING, body -> true);
    }

    /** Sent in part, then the client stops writing: a body shorter than its Content-Length. */
    static HostileCase cutOff(String name, int status, byte[] request) {
        return new HostileCase(name, request, true, Set.of(status), Effect.NOTHING, body -> true);
    }

    static HostileCase dropped(String name, byte[] request) {
        return new HostileCase(name, request, false, Set.of(200), Effect.NOTHING, body -> true);
    }

    static Map<String, Object> intakeOrder() {
        var order = PushFixtures.orderRequest("hostile-" + UUID.randomUUID(), INTAKE_EMAIL);
        return deepCopy(order);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> value) {
        return JSON.readValue(JSON.writeValueAsBytes(value), Map.class);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    static RawRequest api(String method, String target, String apiKey) {
        var request = new RawRequest(method, target);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return request;
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] replace(byte[] body, String target, byte[] replacement) {
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

    static String printable(String text) {
        return abbreviate(text.replace("\u0000", "\\0"));
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    static Map<String, String> named(String... entries) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put(entries[i], entries[i + 1]);
        }
        return map;
    }
}
