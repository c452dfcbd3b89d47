package org.orderbridge.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /_sim/fulfillment-orders}, for a simulator running in its own process: what merchants and other apps do
 * to an order's fulfillment orders outside the client under test. The body names {@code shop}, {@code order} (the order's
 * gid) and an {@code action}: {@code hold} ({@code location}, {@code reason}, {@code byThisApp}), {@code release}
 * ({@code location}), {@code schedule} ({@code location}, {@code fulfillAt}), {@code move} ({@code line} 0-based,
 * {@code quantity}, {@code location}; sends fulfillment_orders/moved), {@code remove} ({@code line}, {@code quantity}: a
 * refund, which sends refunds/create, or with {@code "as": "edit"} an order edit, which sends orders/edited) or
 * {@code fulfil} ({@code location}, {@code trackingNumber}: a fulfillment made by hand). The answer lists the order's
 * fulfillment orders.
 */
final class FulfillmentOrdersAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FulfillmentOrdersAdmin() {}

    @SuppressWarnings("unchecked")
    static void handle(HttpExchange exchange, SimulatedStore store, ShopifySimulator simulator) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 405, Map.of("errors", "POST"));
            return;
        }
        Map<String, Object> body;
        try {
            body = JSON.readValue(exchange.getRequestBody(), Map.class);
        } catch (JacksonException e) {
            respond(exchange, 400, Map.of("errors", "body is not JSON"));
            return;
        }
        Optional<SimulatedOrder> order =
                body.get("shop") instanceof String shop && body.get("order") instanceof String gid
                        ? store.orderById(shop, gid)
                        : Optional.empty();
        if (order.isEmpty()) {
            respond(exchange, 404, Map.of("errors", "shop and order (an order's gid in that shop) are required"));
            return;
        }
        SimulatedFulfillments fulfillments = store.fulfillments();
        String location = (String) body.getOrDefault("location", SimulatedFulfillments.DEFAULT_LOCATION);
        try {
            switch (String.valueOf(body.get("action"))) {
                case "hold" ->
                    fulfillments.hold(
                            order.get(),
                            location,
                            String.valueOf(body.getOrDefault("reason", "held")),
                            Boolean.TRUE.equals(body.get("byThisApp")));
                case "release" -> fulfillments.releaseInAdmin(order.get(), location);
                case "schedule" ->
                    fulfillments.schedule(
                            order.get(), location, OffsetDateTime.parse(String.valueOf(body.get("fulfillAt"))));
                case "move" ->
                    simulator.moveUnfulfilled(order.get(), number(body, "line"), number(body, "quantity"), location);
                case "remove" -> {
                    if ("edit".equals(body.get("as"))) {
                        simulator.editRemovingUnfulfilled(order.get(), number(body, "line"), number(body, "quantity"));
                    } else {
                        simulator.refundUnfulfilled(order.get(), number(body, "line"), number(body, "quantity"));
                    }
                }
                case "fulfil" ->
                    fulfillments.fulfilInAdmin(order.get(), location, String.valueOf(body.get("trackingNumber")));
                default -> {
                    respond(
                            exchange,
                            400,
                            Map.of("errors", "action must be hold, release, schedule, move, remove or fulfil"));
                    return;
                }
            }
        } catch (RuntimeException e) {
            respond(exchange, 422, Map.of("errors", String.valueOf(e.getMessage())));
            return;
        }
        respond(exchange, 200, fulfillments.fulfillmentOrderViews(order.get()));
    }

    private static int number(Map<String, Object> body, String field) {
        if (!(body.get(field) instanceof Number n)) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return n.intValue();
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
