package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class SimulatedCustomersTest {

    private static final String SHOP = "customer-test.myshopify.com";
    private static final String TOKEN = "shpat_customers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_CREATE = """
            mutation Create($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
              orderCreate(order: $order, options: $options) { order { id } userErrors { field message code } }
            }
            """;

    private final ShopifySimulator simulator =
            ShopifySimulator.builder().port(0).shop(SHOP, TOKEN).start();
    private final SimulatedCustomers customers = simulator.store().customers();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void createsTheCustomerOfAnUpsertedEmailOnceAndUpdatesItsNames() throws Exception {
        create(order(Map.of("toUpsert", Map.of("email", "ada@example.com", "firstName", "Ada"))));
        create(order(
                Map.of("toUpsert", Map.of("email", "ADA@example.com", "firstName", "Augusta", "lastName", "King"))));

        assertThat(customers.list(SHOP)).singleElement().satisfies(customer -> {
            assertThat(customer.email()).isEqualTo("ada@example.com");
            assertThat(customer.firstName()).isEqualTo("Augusta");
            assertThat(customer.lastName()).isEqualTo("King");
        });
        assertThat(simulator.store().orders(SHOP))
                .extracting(order -> order.customer().id())
                .containsOnly(customers.list(SHOP).getFirst().id());
    }

    @Test
    void takesTheNamesAnUpsertLeavesOutFromTheShippingAddress() throws Exception {
        var order = order(Map.of("toUpsert", Map.of("email", "grace@example.com")));
        order.put("shippingAddress", Map.of("firstName", "Grace", "lastName", "Hopper", "countryCode", "US"));

        create(order);

        assertThat(customers.byEmail(SHOP, "grace@example.com")).hasValueSatisfying(customer -> {
            assertThat(customer.firstName()).isEqualTo("Grace");
            assertThat(customer.lastName()).isEqualTo("Hopper");
        });
    }

    @Test
    void associatesAnExistingCustomerByIdOrEmailAndRefusesOneThatDoesNotExist() throws Exception {
        SimulatedCustomers.Customer known = customers.add(SHOP, "known@example.com", "Kim", "Known");

        create(order(Map.of("toAssociate", Map.of("id", known.gid()))));
        create(order(Map.of("toAssociate", Map.of("email", "known@example.com"))));
        JsonNode refused = create(order(Map.of("toAssociate", Map.of("email", "stranger@example.com"))));

        assertThat(simulator.store().orders(SHOP))
                .extracting(SimulatedOrder::customer)
                .containsExactly(known, known);
        assertThat(refused.at("/userErrors/0/code").asString()).isEqualTo("INVALID");
        assertThat(refused.at("/userErrors/0/field").toString()).contains("toAssociate");
        assertThat(customers.list(SHOP)).containsExactly(known);
    }

    @Test
    void refusesACustomerTogetherWithTheDeprecatedCustomerId() throws Exception {
        SimulatedCustomers.Customer known = customers.add(SHOP, "known@example.com", "Kim", "Known");
        var order = order(Map.of("toAssociate", Map.of("id", known.gid())));
        order.put("customerId", known.gid());

        JsonNode refused = create(order);

        assertThat(refused.at("/userErrors/0/code").asString()).isEqualTo("REDUNDANT_CUSTOMER_FIELDS");
        assertThat(simulator.store().orders(SHOP)).isEmpty();
    }

    @Test
    void refusesThroughTheSchemaACustomerInputNamingBothWaysOrNeither() throws Exception {
        JsonNode both = send(
                order(Map.of(
                        "toAssociate", Map.of("email", "a@example.com"), "toUpsert", Map.of("email", "a@example.com"))),
                null);
        JsonNode neither = send(order(Map.of()), null);

        assertThat(both.at("/errors/0/message").asString()).contains("OneOf");
        assertThat(neither.at("/errors/0/message").asString()).contains("OneOf");
        assertThat(simulator.store().orders(SHOP)).isEmpty();
        assertThat(customers.list(SHOP)).isEmpty();
    }

    @Test
    void createsNoCustomerForAnOrderItRefuses() throws Exception {
        simulator.store().inventory().stock(SHOP, 5L, "gid://shopify/Location/1", 0);
        var order = order(Map.of("toUpsert", Map.of("email", "late@example.com")));
        order.put("lineItems", List.of(Map.of("variantId", "gid://shopify/ProductVariant/5", "quantity", 1)));

        JsonNode refused = create(order, Map.of("inventoryBehaviour", "DECREMENT_OBEYING_POLICY"));

        assertThat(refused.at("/userErrors/0/code").asString()).isEqualTo("INVENTORY_CLAIM_FAILED");
        assertThat(customers.list(SHOP)).isEmpty();
    }

    @Test
    void showsTheOrdersCustomerInItsWebhookAndItsGraphqlNode() throws Exception {
        create(order(Map.of("toUpsert", Map.of("email", "ada@example.com", "firstName", "Ada", "lastName", "L"))));
        SimulatedOrder order = simulator.store().orders(SHOP).getFirst();
        SimulatedCustomers.Customer customer = order.customer();

        Map<String, Object> webhook = WebhookSender.payload(order);
        Map<String, Object> node =
                SimulatedOrderViews.node(order, simulator.orderActivity().current(order));

        assertThat(webhook.get("customer"))
                .isEqualTo(
                        Map.of("id", customer.id(), "email", "ada@example.com", "first_name", "Ada", "last_name", "L"));
        assertThat(JSON.valueToTree(node.get("customer")).toString())
                .contains(customer.gid(), "\"firstName\":\"Ada\"", "\"emailAddress\":\"ada@example.com\"");
    }

    private static Map<String, Object> order(Map<String, Object> customer) {
        var order = new HashMap<String, Object>();
        order.put("currency", "EUR");
        order.put("lineItems", List.of(Map.of("title", "Thing", "quantity", 1)));
        order.put("customer", customer);
        return order;
    }

    private JsonNode create(Map<String, Object> order) throws Exception {
        return create(order, null);
    }

    private JsonNode create(Map<String, Object> order, Map<String, Object> options) throws Exception {
        return send(order, options).at("/data/orderCreate");
    }

    private JsonNode send(Map<String, Object> order, Map<String, Object> options) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put("order", order);
        variables.put("options", options);
        var request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + simulator.port() + "/" + SHOP + "/admin/api/2026-10/graphql.json"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("query", ORDER_CREATE, "variables", variables))));
        try (var http = HttpClient.newHttpClient()) {
            return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body());
        }
    }
}
