package org.orderbridge.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /_sim/inventory}, for a simulator running in its own process: {@code GET ?shop=} lists the shop's tracked
 * variants with their policy, SKU and levels; {@code PUT} with {@code {"shop", "variantId", "location", "available",
 * "inventoryPolicy", "productId", "sku"}} stocks a variant at a location (and sets its policy, DENY or CONTINUE, when
 * given, and catalogues it as the product's variant of that SKU when both are given).
 */
final class InventoryAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InventoryAdmin() {}

    @SuppressWarnings("unchecked")
    static void handle(HttpExchange exchange, SimulatedInventory inventory) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                String shop = shop(exchange.getRequestURI().getRawQuery());
                if (shop == null) {
                    respond(exchange, 400, Map.of("errors", "shop is a required parameter"));
                } else {
                    respond(exchange, 200, inventory.list(shop));
                }
            }
            case "PUT" -> {
                Map<String, Object> level;
                try {
                    level = JSON.readValue(exchange.getRequestBody(), Map.class);
                } catch (JacksonException e) {
                    respond(exchange, 400, Map.of("errors", "body is not JSON"));
                    return;
                }
                if (!(level.get("shop") instanceof String shop)
                        || !(level.get("variantId") instanceof Number variantId)
                        || !(level.get("location") instanceof String location)
                        || !(level.get("available") instanceof Number available)) {
                    respond(
                            exchange,
                            400,
                            Map.of("errors", "shop, variantId (a number), location and available are required"));
                    return;
                }
                SimulatedInventory.Policy policy;
                try {
                    policy = level.get("inventoryPolicy") instanceof String name
                            ? SimulatedInventory.Policy.valueOf(name)
                            : null;
                } catch (IllegalArgumentException e) {
                    respond(exchange, 400, Map.of("errors", "inventoryPolicy must be DENY or CONTINUE"));
                    return;
                }
                inventory.stock(shop, variantId.longValue(), location, available.intValue());
                if (level.get("productId") instanceof Number productId && level.get("sku") instanceof String sku) {
                    inventory.catalogue(shop, productId.longValue(), variantId.longValue(), sku);
                }
                if (policy != null) {
                    inventory.setPolicy(shop, variantId.longValue(), policy);
                }
                respond(exchange, 200, inventory.list(shop));
            }
            default -> respond(exchange, 405, Map.of("errors", "GET or PUT"));
        }
    }

    /** The {@code shop} parameter of an admin request's query, or null; other admin endpoints use it too. */
    static String shop(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("shop=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A JSON answer; other admin endpoints use it too. */
    static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
