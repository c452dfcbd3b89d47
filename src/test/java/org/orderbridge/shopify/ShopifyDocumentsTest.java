package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import graphql.GraphQLContext;
import graphql.ParseAndValidate;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
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

    @Test
    void orderCreateVariablesOfAFullDraftMatchTheSchemaInputTypes() {
        assertVariablesCoerce(
                ShopifyOperation.CREATE_ORDER,
                OrderCreateVariables.of(ShopifyFixtures.draft(), InventoryBehaviour.DECREMENT_OBEYING_POLICY));
    }

    @Test
    void metafieldDefinitionVariablesMatchTheSchemaInputTypes() {
        assertVariablesCoerce(ShopifyOperation.FIND_ORDER_ID_DEFINITION, OrderIdMetafield.definitionLookup());
        assertVariablesCoerce(ShopifyOperation.CREATE_ORDER_ID_DEFINITION, OrderIdMetafield.definition());
        assertVariablesCoerce(
                ShopifyOperation.FIND_ORDER_BY_CUSTOM_ID,
                Map.of("identifier", OrderIdMetafield.identifier(UUID.randomUUID())));
    }

    @Test
    void orderFeedVariablesMatchTheSchemaInputTypes() {
        var variables = new java.util.HashMap<String, Object>();
        variables.put("query", "updated_at:>='2026-11-20T10:00:00Z'");
        variables.put("first", 10);
        variables.put("after", null);
        variables.put("lines", ShopifyOrderReader.LINES_PER_PAGED_ORDER);
        assertVariablesCoerce(ShopifyOperation.ORDERS_UPDATED_SINCE, variables);
        assertVariablesCoerce(
                ShopifyOperation.ORDER_SNAPSHOT,
                Map.of("id", "gid://shopify/Order/1", "lines", ShopifyOrderFeed.MAX_LINE_ITEMS));
    }

    @Test
    void bulkQueryVariablesMatchTheSchemaInputTypes() {
        assertVariablesCoerce(
                ShopifyOperation.RUN_BULK_QUERY,
                Map.of("query", "{ orders { edges { node { id } } } }", "groupObjects", true));
        assertVariablesCoerce(ShopifyOperation.FIND_BULK_OPERATION, Map.of("id", "gid://shopify/BulkOperation/1"));
    }

    @Test
    void webhookSubscriptionVariablesMatchTheSchemaInputTypes() {
        String arn = "arn:aws:events:us-east-1::event-source/aws.partner/shopify.com/1234/orderbridge";
        var topics = new java.util.HashMap<String, Object>();
        topics.put("topics", java.util.List.of("ORDERS_CREATE", "APP_UNINSTALLED"));
        topics.put("after", null);
        assertVariablesCoerce(ShopifyOperation.LIST_WEBHOOK_SUBSCRIPTIONS, topics);
        assertVariablesCoerce(
                ShopifyOperation.CREATE_WEBHOOK_SUBSCRIPTION,
                Map.of(
                        "topic",
                        "ORDERS_PARTIALLY_FULFILLED",
                        "webhookSubscription",
                        AdminWebhookSubscriptions.input(arn)));
        assertVariablesCoerce(
                ShopifyOperation.UPDATE_WEBHOOK_SUBSCRIPTION,
                Map.of(
                        "id",
                        "gid://shopify/WebhookSubscription/1",
                        "webhookSubscription",
                        AdminWebhookSubscriptions.input("https://orders.example.com/webhooks/shopify")));
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
            default -> Map.of();
        };
    }

    private static void assertVariablesCoerce(ShopifyOperation operation, Map<String, Object> variables) {
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
    }
}
