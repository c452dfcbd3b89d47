package org.orderbridge.shopify.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.ObjectMapper;

/** Sends Shopify-style signed {@code orders/create} webhooks for orders the simulator created. */
final class WebhookSender implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final String secret;
    private final String apiVersion;
    private final WebhookFaults faults;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    WebhookSender(URI target, String secret, String apiVersion, WebhookFaults faults) {
        this.target = target;
        this.secret = secret;
        this.apiVersion = apiVersion;
        this.faults = faults;
    }

    void orderCreated(SimulatedOrder order) {
        executor.submit(() -> send("orders/create", order.shop(), payload(order)));
    }

    void fulfillment(String topic, SimulatedFulfillments.Fulfillment fulfillment) {
        Map<String, Object> payload = fulfillment.webhookPayload();
        executor.submit(() -> send(topic, fulfillment.order.shop(), payload));
    }

    void send(String topic, String shop, Map<String, Object> payload) {
        faults.deliver(WebhookFaults.Delivery.of(topic, shop, payload), this::post);
    }

    void post(WebhookFaults.Delivery delivery) {
        try {
            byte[] body = JSON.writeValueAsBytes(delivery.payload());
            var request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Hmac-Sha256", sign(body, secret))
                    .header("X-Shopify-Topic", delivery.topic())
                    .header("X-Shopify-Shop-Domain", delivery.shop())
                    .header("X-Shopify-Webhook-Id", delivery.webhookId())
                    .header("X-Shopify-Event-Id", delivery.eventId())
                    .header("X-Shopify-Triggered-At", delivery.triggeredAt().toString())
                    .header("X-Shopify-API-Version", apiVersion)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            // Shopify retries failed deliveries later; the simulator just reports it.
            System.err.println("Simulator webhook to " + target + " failed: " + e);
        }
    }

    static String sign(byte[] body, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /** A REST-style order, as Shopify's order webhooks carry it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(SimulatedOrder order) {
        Map<String, Object> input = order.input();
        String currency = (String) input.get("currency");
        var lineItems = new ArrayList<Map<String, Object>>();
        long lineId = order.legacyId() * 10;
        List<Map<String, Object>> lines = order.lineItems();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            int quantity = ((Number) line.get("quantity")).intValue();
            BigDecimal price = price(line);
            var item = new LinkedHashMap<String, Object>();
            item.put("id", ++lineId);
            item.put("sku", line.get("sku"));
            item.put("variant_id", legacyId((String) line.get("variantId")));
            item.put("title", line.getOrDefault("title", "Variant " + line.get("variantId")));
            item.put("quantity", quantity);
            item.put("price", price.toPlainString());
            item.put("requires_shipping", order.requiresShipping(i));
            item.put("taxable", order.taxable(i));
            lineItems.add(item);
        }
        Map<String, Object> shipping = (Map<String, Object>) input.get("shippingAddress");
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", order.legacyId());
        payload.put("admin_graphql_api_id", order.gid());
        payload.put("name", order.name());
        payload.put("email", input.get("email"));
        payload.put("phone", input.get("phone"));
        payload.put("created_at", order.createdAt().toString());
        payload.put("updated_at", order.createdAt().toString());
        payload.put("currency", currency);
        SimulatedTotals.Amounts totals = order.totals().shop();
        payload.put("subtotal_price", totals.subtotal().toPlainString());
        payload.put("total_tax", totals.tax().toPlainString());
        payload.put("total_discounts", totals.discounts().toPlainString());
        payload.put("total_price", totals.total().toPlainString());
        payload.put("taxes_included", Boolean.TRUE.equals(input.get("taxesIncluded")));
        payload.put("presentment_currency", order.totals().presentment().currency());
        payload.put("financial_status", order.totals().financialStatus().toLowerCase(Locale.ROOT));
        payload.put("fulfillment_status", null);
        payload.put("source_name", order.sourceName());
        payload.put("source_identifier", order.sourceIdentifier());
        payload.put("customer", restCustomer(order.customer()));
        payload.put("shipping_address", restAddress(shipping));
        payload.put("billing_address", restAddress((Map<String, Object>) input.get("billingAddress")));
        payload.put("line_items", lineItems);
        // The REST representation joins tags into one string.
        payload.put("tags", String.join(", ", (List<String>) input.getOrDefault("tags", List.of())));
        payload.put("note", input.get("note"));
        return payload;
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal price(Map<String, Object> line) {
        Map<String, Object> priceSet = (Map<String, Object>) line.get("priceSet");
        if (priceSet == null) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(String.valueOf(((Map<String, Object>) priceSet.get("shopMoney")).get("amount")));
    }

    private static Long legacyId(String gid) {
        return gid == null ? null : Long.valueOf(gid.substring(gid.lastIndexOf('/') + 1));
    }

    private static Map<String, Object> restCustomer(SimulatedCustomers.Customer customer) {
        if (customer == null) {
            return null;
        }
        var rest = new LinkedHashMap<String, Object>();
        rest.put("id", customer.id());
        rest.put("email", customer.email());
        rest.put("first_name", customer.firstName());
        rest.put("last_name", customer.lastName());
        return rest;
    }

    private static Map<String, Object> restAddress(Map<String, Object> address) {
        if (address == null) {
            return null;
        }
        var rest = new LinkedHashMap<String, Object>();
        rest.put("first_name", address.get("firstName"));
        rest.put("last_name", address.get("lastName"));
        rest.put("company", address.get("company"));
        rest.put("address1", address.get("address1"));
        rest.put("address2", address.get("address2"));
        rest.put("city", address.get("city"));
        rest.put("province", address.get("province"));
        rest.put("province_code", address.get("provinceCode"));
        rest.put("zip", address.get("zip"));
        rest.put("country", SimulatedOrderViews.country(address));
        rest.put("country_code", address.get("countryCode"));
        rest.put("phone", address.get("phone"));
        return rest;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
