package org.orderbridge.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /_sim/fulfillment-requests}: what the merchant does in the admin to a fulfillment order assigned to the
 * app's fulfillment service. The body names {@code shop}, {@code fulfillmentOrder} (its gid), {@code kind}
 * ({@code fulfillment}: request fulfillment; {@code cancellation}: request cancellation of an accepted request), an
 * optional {@code message} and, for a partial fulfillment request, {@code lines}: the order's line index and quantity
 * of each requested item ({@code [{"line": 0, "quantity": 1}]}); the service hears of it through the request's webhook.
 * 422 where Shopify would refuse.
 */
final class FulfillmentRequestsAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FulfillmentRequestsAdmin() {}

    @SuppressWarnings("unchecked")
    static void handle(HttpExchange exchange, ShopifySimulator simulator) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            InventoryAdmin.respond(exchange, 405, Map.of("errors", "POST"));
            return;
        }
        Map<String, Object> body;
        try {
            body = JSON.readValue(exchange.getRequestBody(), Map.class);
        } catch (JacksonException e) {
            InventoryAdmin.respond(exchange, 400, Map.of("errors", "body is not JSON"));
            return;
        }
        if (!(body.get("shop") instanceof String shop) || !(body.get("fulfillmentOrder") instanceof String gid)) {
            InventoryAdmin.respond(exchange, 400, Map.of("errors", "shop and fulfillmentOrder are required"));
            return;
        }
        String message = body.get("message") instanceof String m ? m : null;
        try {
            switch (String.valueOf(body.get("kind"))) {
                case "fulfillment" -> simulator.submitFulfillmentRequest(shop, gid, message, lines(body));
                case "cancellation" -> simulator.submitCancellationRequest(shop, gid, message);
                default -> {
                    InventoryAdmin.respond(exchange, 400, Map.of("errors", "kind must be fulfillment or cancellation"));
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            InventoryAdmin.respond(exchange, 400, Map.of("errors", String.valueOf(e.getMessage())));
            return;
        } catch (IllegalStateException e) {
            InventoryAdmin.respond(exchange, 422, Map.of("errors", String.valueOf(e.getMessage())));
            return;
        }
        InventoryAdmin.respond(exchange, 200, Map.of("fulfillmentOrder", gid));
    }

    /** The requested items of a partial request: per order line index, a quantity. */
    private static Map<Integer, Integer> lines(Map<String, Object> body) {
        if (!(body.get("lines") instanceof List<?> lines)) {
            return Map.of();
        }
        var quantities = new LinkedHashMap<Integer, Integer>();
        for (Object entry : lines) {
            if (!(entry instanceof Map<?, ?> line)
                    || !(line.get("line") instanceof Integer index)
                    || !(line.get("quantity") instanceof Integer quantity)) {
                throw new IllegalArgumentException("each of lines needs an integer line and quantity");
            }
            quantities.merge(index, quantity, Integer::sum);
        }
        return quantities;
    }
}
