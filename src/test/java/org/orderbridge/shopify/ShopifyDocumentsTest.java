package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import graphql.GraphQLContext;
import graphql.ParseAndValidate;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.orderbridge.shopify.simulator.AdminSchema;
import org.orderbridge.shopify.simulator.RequestedQueryCost;

@Tag("unit")
class ShopifyDocumentsTest {

    @ParameterizedTest
    @EnumSource(ShopifyOperation.class)
    void everyDocumentValidatesAgainstShopifysAdminSchema(ShopifyOperation operation) {
        Document document = Parser.parse(operation.document());

        assertThat(ParseAndValidate.validate(AdminSchema.get(), document)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ShopifyOperation.class)
    void everyDocumentStaysWithinShopifysSingleQueryMaxCost(ShopifyOperation operation) {
        int requested = RequestedQueryCost.of(Parser.parse(operation.document()), largestVariables(operation));

        assertThat(requested).as("requested cost of %s", operation).isLessThanOrEqualTo(RequestedQueryCost.MAX);
    }

    @Test
    void countsNestedConnectionsAndListsAsShopifyDoes() {
        Document document = Parser.parse("""
                query($id: ID!, $lines: Int!) {
                  order(id: $id) {
                    fulfillmentOrders(first: 3) {
                      pageInfo { hasNextPage }
                      nodes { id lineItems(first: $lines) { nodes { id lineItem { id } } } }
                    }
                    fulfillments(first: 4) { id location { id } }
                  }
                }
                """);

        // order 1 + (2 + 3 x (1 + (2 + 10 x 2))) + (2 + 4 x 2)
        assertThat(RequestedQueryCost.of(document, Map.of("id", "gid://shopify/Order/1", "lines", 10)))
                .isEqualTo(1 + 71 + 10);
    }

    @ParameterizedTest
    @EnumSource(InventoryBehaviour.class)
    void orderCreateVariablesOfAFullDraftMatchTheSchemaInputTypes(InventoryBehaviour inventory) {
        assertVariablesMatchTheSchema(
                ShopifyOperation.CREATE_ORDER, OrderCreateVariables.of(ShopifyFixtures.draft(), inventory));
    }

    @Test
    void orderCreateVariablesOfADraftWithEveryCommercialInputMatchTheSchemaInputTypes() {
        assertVariablesMatchTheSchema(
                ShopifyOperation.CREATE_ORDER,
                OrderCreateVariables.of(ShopifyFixtures.commercialDraft(), InventoryBehaviour.BYPASS));
        for (String type : List.of("FIXED_AMOUNT", "PERCENTAGE", "FREE_SHIPPING")) {
            assertVariablesMatchTheSchema(
                    ShopifyOperation.CREATE_ORDER,
                    OrderCreateVariables.of(
                            ShopifyFixtures.discountedDraft(
                                    type, type.equals("FREE_SHIPPING") ? null : new java.math.BigDecimal("10")),
                            InventoryBehaviour.BYPASS));
        }
    }

    @Test
    void orderCreateVariablesOfADraftWithoutEmailOrAddressesMatchTheSchemaInputTypes() {
        OrderDraft full = ShopifyFixtures.draft();
        OrderDraft bare = new OrderDraft(
                full.shopDomain(), full.orderId(), null, null, null, null, null, null, "EUR", full.lines(), null, null);

        assertVariablesMatchTheSchema(
                ShopifyOperation.CREATE_ORDER, OrderCreateVariables.of(bare, InventoryBehaviour.BYPASS));
    }

    @Test
    void findsInVariablesWhatShopifysSchemaRefusesOrHasDeprecated() {
        var order = new LinkedHashMap<String, Object>();
        order.put("orderBridgeId", "1");
        order.put("shippingAddress", Map.of("country", "Germany", "countryCode", "DE"));
        order.put("lineItems", List.of(Map.of("title", "Gift wrap")));
        order.put(
                "customer",
                Map.of("toUpsert", Map.of("email", "a@example.com"), "toAssociate", Map.of("email", "a@example.com")));
        Map<String, Object> variables = Map.of("order", order, "options", Map.of("inventoryBehaviour", "DECREMENT"));

        assertThat(SchemaInputs.problems(ShopifyOperation.CREATE_ORDER.document(), variables))
                .containsExactlyInAnyOrder(
                        "order.orderBridgeId: not a field of OrderCreateOrderInput",
                        "order.shippingAddress.country: deprecated (Use `countryCode` instead.)",
                        "order.lineItems[0].quantity: required by OrderCreateLineItemInput, missing",
                        "order.customer: OrderCreateCustomerInput takes exactly one field, has 2",
                        "options.inventoryBehaviour: DECREMENT is not a value of OrderCreateInputsInventoryBehavior");
    }

    @Test
    void metafieldDefinitionVariablesMatchTheSchemaInputTypes() {
        assertVariablesMatchTheSchema(ShopifyOperation.FIND_ORDER_ID_DEFINITION, OrderIdMetafield.definitionLookup());
        assertVariablesMatchTheSchema(ShopifyOperation.CREATE_ORDER_ID_DEFINITION, OrderIdMetafield.definition());
        assertVariablesMatchTheSchema(
                ShopifyOperation.FIND_ORDER_BY_CUSTOM_ID,
                Map.of("identifier", OrderIdMetafield.identifier(UUID.randomUUID())));
    }

    @Test
    void orderCancelVariablesMatchTheSchemaInputTypesWithAndWithoutRefund() {
        for (boolean refund : new boolean[] {true, false}) {
            assertVariablesMatchTheSchema(
                    ShopifyOperation.CANCEL_ORDER,
                    OrderCancellations.variables(new ShopifyCancellations.CancelCommand(
                            "shop.myshopify.com", "gid://shopify/Order/1", "CUSTOMER", true, refund, false, "note")));
        }
        assertVariablesMatchTheSchema(ShopifyOperation.FIND_ORDER_CANCELLATION, Map.of("id", "gid://shopify/Order/1"));
        assertVariablesMatchTheSchema(
                ShopifyOperation.FIND_ORDER_CANCELLATION_BY_CUSTOM_ID,
                Map.of("identifier", OrderIdMetafield.identifier(UUID.randomUUID())));
        assertVariablesMatchTheSchema(ShopifyOperation.FIND_JOB, Map.of("id", "gid://shopify/Job/1"));
    }

    @Test
    void orderFeedVariablesMatchTheSchemaInputTypes() {
        var variables = new java.util.HashMap<String, Object>();
        variables.put("query", "updated_at:>='2026-11-20T10:00:00Z'");
        variables.put("first", 10);
        variables.put("after", null);
        variables.put("lines", ShopifyOrderReader.LINES_PER_PAGED_ORDER);
        assertVariablesMatchTheSchema(ShopifyOperation.ORDERS_UPDATED_SINCE, variables);
        assertVariablesMatchTheSchema(
                ShopifyOperation.ORDER_SNAPSHOT,
                Map.of("id", "gid://shopify/Order/1", "lines", ShopifyOrderFeed.MAX_LINE_ITEMS));
    }

    @Test
    void fulfillmentVariablesMatchTheSchemaInputTypes() {
        var page = new java.util.HashMap<String, Object>();
        page.put("id", "gid://shopify/Order/1");
        page.put("after", null);
        assertVariablesMatchTheSchema(ShopifyOperation.FIND_FULFILLMENT_STATE, Map.of("id", "gid://shopify/Order/1"));
        assertVariablesMatchTheSchema(ShopifyOperation.ORDER_LINE_ITEMS_PAGE, page);
        assertVariablesMatchTheSchema(
                ShopifyOperation.FULFILLMENT_ORDERS_PAGE, Map.of("id", "gid://shopify/Order/1", "after", "c1"));
        assertVariablesMatchTheSchema(
                ShopifyOperation.FULFILLMENT_ORDER_LINES_PAGE,
                Map.of("id", "gid://shopify/FulfillmentOrder/1", "after", "c1"));
        assertVariablesMatchTheSchema(ShopifyOperation.FIND_FULFILLMENTS, Map.of("id", "gid://shopify/Order/1"));
        assertVariablesMatchTheSchema(
                ShopifyOperation.FULFILLMENT_LINES_PAGE, Map.of("id", "gid://shopify/Fulfillment/1", "after", "c1"));
        assertVariablesMatchTheSchema(
                ShopifyOperation.RELEASE_FULFILLMENT_HOLD,
                Map.of(
                        "id",
                        "gid://shopify/FulfillmentOrder/1",
                        "holdIds",
                        List.of("gid://shopify/FulfillmentHold/1")));
        assertVariablesMatchTheSchema(
                ShopifyOperation.OPEN_FULFILLMENT_ORDER, Map.of("id", "gid://shopify/FulfillmentOrder/1"));
        assertVariablesMatchTheSchema(
                ShopifyOperation.MOVE_FULFILLMENT_ORDER,
                Map.of(
                        "id",
                        "gid://shopify/FulfillmentOrder/1",
                        "newLocationId",
                        "gid://shopify/Location/2",
                        "fulfillmentOrderLineItems",
                        List.of(Map.of("id", "gid://shopify/FulfillmentOrderLineItem/1", "quantity", 1))));
        for (var tracking : List.of(
                new ShopifyFulfillments.Tracking("UPS", List.of("1Z1"), "https://t.example/1Z1"),
                new ShopifyFulfillments.Tracking(null, List.of("A1", "A2"), "https://t.example/A"))) {
            Map<String, Object> input = DuplicateSafeShopifyFulfillments.trackingInput(tracking);
            assertVariablesMatchTheSchema(
                    ShopifyOperation.CREATE_FULFILLMENT,
                    Map.of(
                            "fulfillment",
                            Map.of(
                                    "lineItemsByFulfillmentOrder",
                                    List.of(Map.of(
                                            "fulfillmentOrderId",
                                            "gid://shopify/FulfillmentOrder/1",
                                            "fulfillmentOrderLineItems",
                                            List.of(Map.of(
                                                    "id", "gid://shopify/FulfillmentOrderLineItem/1", "quantity", 1)))),
                                    "trackingInfo",
                                    input,
                                    "notifyCustomer",
                                    false)));
            assertVariablesMatchTheSchema(
                    ShopifyOperation.UPDATE_FULFILLMENT_TRACKING,
                    Map.of(
                            "fulfillmentId",
                            "gid://shopify/Fulfillment/1",
                            "trackingInfoInput",
                            input,
                            "notifyCustomer",
                            true));
        }
    }

    @Test
    void bulkQueryVariablesMatchTheSchemaInputTypes() {
        assertVariablesMatchTheSchema(
                ShopifyOperation.RUN_BULK_QUERY,
                Map.of("query", "{ orders { edges { node { id } } } }", "groupObjects", true));
        assertVariablesMatchTheSchema(
                ShopifyOperation.FIND_BULK_OPERATION, Map.of("id", "gid://shopify/BulkOperation/1"));
    }

    @Test
    void webhookSubscriptionVariablesMatchTheSchemaInputTypes() {
        String arn = "arn:aws:events:us-east-1::event-source/aws.partner/shopify.com/1234/orderbridge";
        var topics = new java.util.HashMap<String, Object>();
        topics.put("topics", java.util.List.of("ORDERS_CREATE", "APP_UNINSTALLED"));
        topics.put("after", null);
        assertVariablesMatchTheSchema(ShopifyOperation.LIST_WEBHOOK_SUBSCRIPTIONS, topics);
        assertVariablesMatchTheSchema(
                ShopifyOperation.CREATE_WEBHOOK_SUBSCRIPTION,
                Map.of(
                        "topic",
                        "ORDERS_PARTIALLY_FULFILLED",
                        "webhookSubscription",
                        AdminWebhookSubscriptions.input(arn)));
        assertVariablesMatchTheSchema(
                ShopifyOperation.UPDATE_WEBHOOK_SUBSCRIPTION,
                Map.of(
                        "id",
                        "gid://shopify/WebhookSubscription/1",
                        "webhookSubscription",
                        AdminWebhookSubscriptions.input("https://orders.example.com/webhooks/shopify")));
    }

    @Test
    void fulfillmentServiceVariablesMatchTheSchemaInputTypes() {
        assertVariablesMatchTheSchema(ShopifyOperation.FIND_FULFILLMENT_SERVICES, Map.of());
        assertVariablesMatchTheSchema(
                ShopifyOperation.CREATE_FULFILLMENT_SERVICE,
                AdminFulfillmentServices.variables("OrderBridge Warehouse", "https://orders.example.com/fs"));
        assertVariablesMatchTheSchema(
                ShopifyOperation.ASSIGNED_FULFILLMENT_ORDERS,
                AdminFulfillmentServices.assignedVariables(
                        "FULFILLMENT_REQUESTED", "gid://shopify/Location/9", "cursor"));
        assertVariablesMatchTheSchema(
                ShopifyOperation.FIND_REQUESTED_FULFILLMENT_ORDER, Map.of("id", "gid://shopify/FulfillmentOrder/1"));
        for (ShopifyFulfillmentService.Answer answer : ShopifyFulfillmentService.Answer.values()) {
            assertVariablesMatchTheSchema(
                    AdminFulfillmentServices.operation(answer),
                    AdminFulfillmentServices.answerVariables(
                            "gid://shopify/FulfillmentOrder/1", answer, "a message", "INVENTORY_OUT_OF_STOCK"));
        }
    }

    @Test
    void skuSearchVariablesMatchTheSchemaInputTypes() {
        assertVariablesMatchTheSchema(
                ShopifyOperation.FIND_VARIANTS_BY_SKU,
                ShopifyVariantLookup.variables(List.of("MUG-1", "PEN 'FINE'"), VariantLookup.MAX_PAGE));
        assertThat(SkuSearch.query(List.of("MUG-1", "PEN 'FINE' \\ (BLUE)")))
                .isEqualTo("sku:'MUG-1' OR sku:'PEN \\'FINE\\' \\\\ (BLUE)'");
    }

    @Test
    void inventoryBehavioursAreThoseOfShopifysOrderCreate() {
        GraphQLEnumType values = AdminSchema.get().getTypeAs("OrderCreateInputsInventoryBehavior");

        assertThat(values.getValues().stream()
                        .map(GraphQLEnumValueDefinition::getName)
                        .toList())
                .containsExactlyInAnyOrder(Arrays.stream(InventoryBehaviour.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }

    @Test
    void schemaRejectsAFieldShopifyDoesNotHave() {
        Document document =
                Parser.parse("mutation { orderCreate(order: {sourceName: \"x\"}) { order { orderBridgeId } } }");

        assertThat(ParseAndValidate.validate(AdminSchema.get(), document)).isNotEmpty();
    }

    /** The largest page sizes each operation is sent with: what Shopify's requested cost is worked out from. */
    private static Map<String, Object> largestVariables(ShopifyOperation operation) {
        return switch (operation) {
            case ORDERS_UPDATED_SINCE ->
                Map.of(
                        "first",
                        ShopifyOrderFeed.MAX_ORDERS_PER_PAGE,
                        "lines",
                        ShopifyOrderReader.LINES_PER_PAGED_ORDER);
            case ORDER_SNAPSHOT -> Map.of("lines", ShopifyOrderFeed.MAX_LINE_ITEMS);
            case FIND_VARIANTS_BY_SKU -> Map.of("first", VariantLookup.MAX_PAGE);
            default -> Map.of();
        };
    }

    /**
     * The variables coerce as graphql-java does it, and hold nothing Shopify's schema refuses or deprecates
     * ({@link SchemaInputs}).
     */
    private static void assertVariablesMatchTheSchema(ShopifyOperation operation, Map<String, Object> variables) {
        OperationDefinition definition = Parser.parse(operation.document())
                .getDefinitionsOfType(OperationDefinition.class)
                .getFirst();
        assertThatCode(() -> ValuesResolver.coerceVariableValues(
                        AdminSchema.get(),
                        definition.getVariableDefinitions(),
                        RawVariables.of(variables),
                        GraphQLContext.getDefault(),
                        Locale.ROOT))
                .doesNotThrowAnyException();
        assertThat(SchemaInputs.problems(operation.document(), variables))
                .as("%s variables against the schema", operation)
                .isEmpty();
    }

    /**
     * Walks variable values through the schema's input types, as Shopify reads them: every field exists, required
     * fields are there, a oneOf input object has exactly one field, enum values are values, and nothing used is
     * deprecated (which coercion lets through). Scalars are left to coercion.
     */
    static final class SchemaInputs {

        private SchemaInputs() {}

        static List<String> problems(String document, Map<String, Object> variables) {
            OperationDefinition operation = Parser.parse(document)
                    .getDefinitionsOfType(OperationDefinition.class)
                    .getFirst();
            var problems = new ArrayList<String>();
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                walk(inputType(variable.getType()), variables.get(variable.getName()), variable.getName(), problems);
            }
            return problems;
        }

        private static GraphQLInputType inputType(Type<?> type) {
            return switch (type) {
                case NonNullType nonNull -> GraphQLNonNull.nonNull(inputType(nonNull.getType()));
                case ListType list -> GraphQLList.list(inputType(list.getType()));
                case TypeName name -> (GraphQLInputType) AdminSchema.get().getType(name.getName());
                default -> throw new IllegalArgumentException("Unknown type " + type);
            };
        }

        private static void walk(GraphQLInputType type, Object value, String path, List<String> problems) {
            if (type instanceof GraphQLNonNull nonNull) {
                if (value == null) {
                    problems.add(path + ": required, null");
                } else {
                    walk((GraphQLInputType) nonNull.getWrappedType(), value, path, problems);
                }
                return;
            }
            if (value == null) {
                return;
            }
            switch (type) {
                case GraphQLList list -> {
                    if (!(value instanceof List<?> items)) {
                        problems.add(path + ": not a list");
                        return;
                    }
                    for (int i = 0; i < items.size(); i++) {
                        walk((GraphQLInputType) list.getWrappedType(), items.get(i), path + "[" + i + "]", problems);
                    }
                }
                case GraphQLInputObjectType object -> walkObject(object, value, path, problems);
                case GraphQLEnumType values -> {
                    GraphQLEnumValueDefinition named = value instanceof String name ? values.getValue(name) : null;
                    if (named == null) {
                        problems.add(path + ": " + value + " is not a value of " + values.getName());
                    } else if (named.isDeprecated()) {
                        problems.add(path + ": deprecated (" + named.getDeprecationReason() + ")");
                    }
                }
                default -> {}
            }
        }

        private static void walkObject(
                GraphQLInputObjectType object, Object value, String path, List<String> problems) {
            if (!(value instanceof Map<?, ?> fields)) {
                problems.add(path + ": not an object of " + object.getName());
                return;
            }
            fields.forEach((name, fieldValue) -> {
                GraphQLInputObjectField field = object.getField((String) name);
                if (field == null) {
                    problems.add(path + "." + name + ": not a field of " + object.getName());
                    return;
                }
                if (field.isDeprecated()) {
                    problems.add(path + "." + name + ": deprecated (" + field.getDeprecationReason() + ")");
                }
                walk(field.getType(), fieldValue, path + "." + name, problems);
            });
            object.getFields().stream()
                    .filter(field -> GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue())
                    .filter(field -> !fields.containsKey(field.getName()))
                    .forEach(field -> problems.add(
                            path + "." + field.getName() + ": required by " + object.getName() + ", missing"));
            long given = fields.values().stream().filter(Objects::nonNull).count();
            if (object.isOneOf() && given != 1) {
                problems.add(path + ": " + object.getName() + " takes exactly one field, has " + given);
            }
        }
    }
}
