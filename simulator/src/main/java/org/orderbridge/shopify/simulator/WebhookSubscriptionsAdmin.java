package org.orderbridge.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /_sim/webhook-subscriptions}, for a simulator running in its own process (docker compose, the local run):
 * {@code GET ?shop=} lists the shop's subscriptions, {@code DELETE ?shop=&topic=} drops the topic's as Shopify does after
 * failed deliveries, {@code PUT ?shop=&topic=&uri=} points them elsewhere.
 */
final class WebhookSubscriptionsAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookSubscriptionsAdmin() {}

    static void handle(HttpExchange exchange, SimulatedWebhookSubscriptions subscriptions) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String shop = query.get("shop");
        String topic = query.get("topic");
        String uri = query.get("uri");
        String method = exchange.getRequestMethod();
        if (shop == null || (!method.equals("GET") && topic == null) || (method.equals("PUT") && uri == null)) {
            respond(exchange, 400, Map.of("errors", "shop, topic (DELETE, PUT) and uri (PUT) are required parameters"));
            return;
        }
        switch (method) {
            case "GET" -> respond(exchange, 200, subscriptions.list(shop));
            case "DELETE" -> respond(exchange, 200, Map.of("dropped", subscriptions.drop(shop, topic)));
            case "PUT" -> {
                subscriptions.pointAt(shop, topic, uri);
                respond(exchange, 200, subscriptions.list(shop));
            }
            default -> respond(exchange, 405, Map.of("errors", "GET, DELETE or PUT"));
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        var parameters = new HashMap<String, String>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
