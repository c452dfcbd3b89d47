package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.SimulatedInventory.Level;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** orderCancel as Shopify documents it: a job, restock, its refusals and the orders/cancelled webhook. */
class SimulatedCancellationsTest {

    private static final String SHOP = "cancel-test.myshopify.com";
    private static final String TOKEN = "shpat_cancel";
    private static final String WAREHOUSE = "gid://shopify/Location/1";
    private static final long SHIRT = 101L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_CREATE = """
            mutation Create($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
              orderCreate(order: $order, options: $options) { order { id } userErrors { field message code } }
            }
            """;
    private static final String ORDER_CANCEL = """
            mutation Cancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, $staffNote: String) {
              orderCancel(orderId: $orderId, reason: $reason, restock: $restock, staffNote: $staffNote) {
                job { id done }
                orderCancelUserErrors { field message code }
              }
            }
            """;

    private final List<Map<String, Object>> webhooks = new CopyOnWriteArrayList<>();
    private final HttpServer receiver = receiver();
    private final ShopifySimulator simulator = ShopifySimulator.builder()
            .port(0)
            .shop(SHOP, TOKEN)
            .webhooks(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks"), "secret")
            .start();
    private final SimulatorFixtures shopify = new SimulatorFixtures(simulator, SHOP, TOKEN);
    private final SimulatedInventory inventory = simulator.store().inventory();

    @AfterEach
    void stop() {
        simulator.close();
        receiver.stop(0);
    }

    @Test
    void cancelsInAJobPuttingTheCommittedStockBackOnceAndAnnouncesIt() throws Exception {
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 5);
        String order = create(2);
        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 3, 2));

        JsonNode payload = cancel(order, true, "phoned");

        assertThat(payload.path("orderCancelUserErrors")).isEmpty();
        assertThat(payload.at("/job/done").asBoolean()).isFalse();
        assertThat(graphql(
                                "query($id: ID!) { job(id: $id) { done } }",
                                Map.of("id", payload.at("/job/id").asString()))
                        .at("/data/job/done")
                        .asBoolean())
                .isTrue();
        JsonNode shown = graphql("query($id: ID!) { order(id: $id) { cancelledAt cancelReason } }", Map.of("id", order))
                .at("/data/order");
        assertThat(shown.path("cancelledAt").isString()).isTrue();
        assertThat(shown.path("cancelReason").asString()).isEqualTo("CUSTOMER");
        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 5, 0));
        await().until(() -> webhooks.stream().anyMatch(w -> "orders/cancelled".equals(w.get("topic"))));
        Map<String, Object> announced = webhooks.stream()
                .filter(w -> "orders/cancelled".equals(w.get("topic")))
                .findFirst()
                .orElseThrow();
        assertThat(announced.get("cancel_reason")).isEqualTo("customer");
        assertThat(announced.get("cancelled_at")).isNotNull();

        JsonNode again = cancel(order, true, null);

        assertThat(again.path("job").isNull()).isTrue();
        assertThat(again.at("/orderCancelUserErrors/0/code").asString()).isEqualTo("INVALID");
        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 5, 0));
        assertThat(simulator.store().cancelledOrders()).containsExactly(order);
    }

    @Test
    void leavesTheStockCommittedWithoutRestock() throws Exception {
        inventory.stock(SHOP, SHIRT, WAREHOUSE, 5);
        String order = create(2);

        cancel(order, false, null);

        assertThat(inventory.levels(SHOP, SHIRT)).containsExactly(new Level(WAREHOUSE, 3, 2));
    }

    @Test
    void refusesAnUnknownOrderATooLongNoteAndAnOrderWithFulfillments() throws Exception {
        String order = create(1);

        assertThat(cancel("gid://shopify/Order/1", true, null)
                        .at("/orderCancelUserErrors/0/code")
                        .asString())
                .isEqualTo("NOT_FOUND");
        JsonNode tooLong = cancel(order, true, "n".repeat(256));
        assertThat(tooLong.at("/orderCancelUserErrors/0/code").asString()).isEqualTo("INVALID");
        assertThat(tooLong.at("/orderCancelUserErrors/0/field/0").asString()).isEqualTo("staffNote");

        SimulatedOrder stored = simulator.store().orders(SHOP).getFirst();
        simulator.store().fulfillments().fulfilInAdmin(stored, SimulatedFulfillments.DEFAULT_LOCATION, "1Z-CANCEL");
        JsonNode fulfilled = cancel(order, true, null);

        assertThat(fulfilled.at("/orderCancelUserErrors/0/code").asString()).isEqualTo("INVALID");
        assertThat(simulator.store().cancelledOrders()).isEmpty();
    }

    private String create(int quantity) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put(
                "order",
                Map.of(
                        "currency",
                        "EUR",
                        "lineItems",
                        List.of(Map.of("variantId", "gid://shopify/ProductVariant/" + SHIRT, "quantity", quantity))));
        variables.put("options", Map.of("inventoryBehaviour", "DECREMENT_OBEYING_POLICY"));
        return graphql(ORDER_CREATE, variables).at("/data/orderCreate/order/id").asString();
    }

    private JsonNode cancel(String order, boolean restock, String staffNote) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put("orderId", order);
        variables.put("reason", "CUSTOMER");
        variables.put("restock", restock);
        variables.put("staffNote", staffNote);
        return graphql(ORDER_CANCEL, variables).at("/data/orderCancel");
    }

    private JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        return shopify.graphql(query, variables);
    }

    @SuppressWarnings("unchecked")
    private HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/webhooks", exchange -> {
                try (exchange) {
                    var received = new HashMap<String, Object>(JSON.readValue(exchange.getRequestBody(), Map.class));
                    received.put("topic", exchange.getRequestHeaders().getFirst("X-Shopify-Topic"));
                    webhooks.add(received);
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
