package org.orderbridge.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
                String shop = shop(exchange.getRequestURI().getRawQuery());
                if (shop == null) {
                    respond(exchange, 400, Map.of("errors", "shop is a required parameter"));
                } else {
                    respond(exchange, 200, Map.of("shop", shop, "scopes", installations.granted(shop)));
                }
            }
            case "PUT" -> {
                Map<String, Object> spec;
                try {
                    spec = JSON.readValue(exchange.getRequestBody(), Map.class);
                } catch (JacksonException e) {
                    respond(exchange, 400, Map.of("errors", "body is not JSON"));
                    return;
                }
                Object scopes = spec.get("scopes");
                if (!(spec.get("shop") instanceof String shop) || (scopes != null && !(scopes instanceof List<?>))) {
                    respond(exchange, 400, Map.of("errors", "shop is required; scopes, if given, a list of handles"));
                    return;
                }
                installations.grant(shop, scopes == null ? null : new HashSet<>((List<String>) scopes));
                installations.answerWith(shop, (String) spec.get("apiVersion"), (String) spec.get("deprecatedReason"));
                respond(exchange, 204, null);
            }
            default -> respond(exchange, 405, Map.of("errors", "GET or PUT"));
        }
    }

    private static String shop(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("shop=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
