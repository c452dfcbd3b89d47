package org.orderbridge.push;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Shared fixtures of the push and intake tests, which push through the real Shopify client to the simulator
 * of EmbeddedServices: its shops, the API keys and order requests ({@link org.orderbridge.EndToEndFixtures} sends them).
 */
public final class PushFixtures {

    public static final String SHOP = "ob-test.myshopify.com";
    /**
     * Tests that break Shopify (faults, open circuit) do so for this shop only, so that orders other tests
     * push to {@link #SHOP} in the background are not caught by them.
     */
    public static final String FAULTY_SHOP = "alpha.myshopify.com";

    public static final String ADMIN_KEY = "local-admin-key-0001";
    public static final String WRITE_KEY = "local-write-key-0001";
    public static final String READ_KEY = "local-read-key-00001";

    private PushFixtures() {}

    public static HttpHeaders headers(String apiKey) {
        var headers = new HttpHeaders();
        headers.set("X-API-Key", apiKey);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /** A valid order request; tests change what they are about. */
    public static Map<String, Object> orderRequest(String externalId, String email) {
        var address = Map.of(
                "firstName",
                "Ada",
                "lastName",
                "Lovelace",
                "address1",
                "1 Analytical Way",
                "city",
                "London",
                "zip",
                "N1 9GU",
                "countryCode",
                "GB");
        return new java.util.HashMap<>(Map.of(
                "externalId",
                externalId,
                "shop",
                SHOP,
                "customer",
                Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace"),
                "shippingAddress",
                address,
                "billingAddress",
                address,
                "lineItems",
                List.of(Map.of("sku", "ENGINE-1", "title", "Difference engine", "quantity", 2, "unitPrice", "19.90")),
                "currency",
                "GBP",
                "note",
                "leave at the door",
                "tags",
                List.of("test")));
    }

    /**
     * A valid order request that costs more than its line: two engines at 19.90 (39.80) with VAT 20 % on the line,
     * 5.00 off with a discount code, shipping 4.90 with its VAT, paid in full by a successful sale.
     * Subtotal 34.80, shipping 4.90, tax 6.96 + 0.98 = 7.94, discounts 5.00, total 47.64: PAID.
     */
    public static Map<String, Object> orderRequestWithCommercialTerms(String externalId, String email) {
        var request = orderRequest(externalId, email);
        request.put(
                "lineItems",
                List.of(Map.of(
                        "sku",
                        "ENGINE-1",
                        "title",
                        "Difference engine",
                        "quantity",
                        2,
                        "unitPrice",
                        "19.90",
                        "taxLines",
                        List.of(Map.of("title", "VAT", "rate", "0.2", "price", "6.96")))));
        request.put(
                "shippingLines",
                List.of(Map.of(
                        "title",
                        "Standard",
                        "code",
                        "STD",
                        "price",
                        "4.90",
                        "taxLines",
                        List.of(Map.of("title", "VAT", "rate", "0.2", "price", "0.98")))));
        request.put("discount", Map.of("code", "SPRING5", "type", "FIXED_AMOUNT", "value", "5.00"));
        request.put(
                "transactions",
                List.of(Map.of("kind", "SALE", "gateway", "manual", "amount", "47.64", "status", "SUCCESS")));
        request.put("poNumber", "PO-2026-0042");
        return request;
    }
}
