package org.orderbridge.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /_sim/installations}, for a simulator running in its own process: {@code GET ?shop=} shows the shop's granted
 * scopes and answer headers; {@code PUT} with {@code {"shop", "scopes": [...], "apiVersion", "deprecatedReason"}}
 * sets them ({@code scopes} null or absent: the defaults; {@code apiVersion} and {@code deprecatedReason} absent: the
 * requested version, no deprecation).
 */
final class InstallationsAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InstallationsAdmin() {}

    @SuppressWarnings("unchecked")
    static void handle(HttpExchange exchange, SimulatedInstallations installations) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                String shop = InventoryAdmin.shop(exchange.getRequestURI().getRawQuery());
                if (shop == null) {
                    InventoryAdmin.respond(exchange, 400, Map.of("errors", "shop is a required parameter"));
                } else {
                    InventoryAdmin.respond(exchange, 200, Map.of("shop", shop, "scopes", installations.granted(shop)));
                }
            }
            case "PUT" -> {
                Map<String, Object> spec;
                try {
                    spec = JSON.readValue(exchange.getRequestBody(), Map.class);
                } catch (JacksonException e) {
                    InventoryAdmin.respond(exchange, 400, Map.of("errors", "body is not JSON"));
                    return;
                }
                Object scopes = spec.get("scopes");
                if (!(spec.get("shop") instanceof String shop) || (scopes != null && !(scopes instanceof List<?>))) {
                    InventoryAdmin.respond(
                            exchange, 400, Map.of("errors", "shop is required; scopes, if given, a list of handles"));
                    return;
                }
                installations.grant(shop, scopes == null ? null : new HashSet<>((List<String>) scopes));
                installations.answerWith(shop, (String) spec.get("apiVersion"), (String) spec.get("deprecatedReason"));
                exchange.sendResponseHeaders(204, -1);
            }
            default -> InventoryAdmin.respond(exchange, 405, Map.of("errors", "GET or PUT"));
        }
    }
}
