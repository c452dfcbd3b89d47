package org.orderbridge.reliability;

import static org.orderbridge.reliability.HostileInputFixtures.PAYLOADS;
import static org.orderbridge.reliability.HostileInputFixtures.WRITE_KEY;
import static org.orderbridge.reliability.HostileInputFixtures.api;
import static org.orderbridge.reliability.HostileInputFixtures.cutOff;
import static org.orderbridge.reliability.HostileInputFixtures.intakeOrder;
import static org.orderbridge.reliability.HostileInputFixtures.json;
import static org.orderbridge.reliability.HostileInputFixtures.printable;
import static org.orderbridge.reliability.HostileInputFixtures.refused;
import static org.orderbridge.reliability.HostileInputFixtures.replace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.orderbridge.reliability.HostileInputFixtures.Effect;
import org.orderbridge.reliability.HostileInputFixtures.HostileCase;

/** The corpus's order intakes ({@code POST /api/v1/orders}): hostile strings in every field, bodies of every wrong kind. */
final class HostileIntakeCases {

    private HostileIntakeCases() {}

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

    private static String jsonString(String text) {
        String quoted = new String(json(text), StandardCharsets.UTF_8);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static Map<String, Integer> orderedMap(Object... entries) {
        var map = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], (Integer) entries[i + 1]);
        }
        return map;
    }
}
