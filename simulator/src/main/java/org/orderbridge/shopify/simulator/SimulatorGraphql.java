package org.orderbridge.shopify.simulator;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorException;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Executes Admin GraphQL documents against a {@link SimulatedStore}; documents are validated by graphql-java first. */
final class SimulatorGraphql {

    /** What one request may touch; {@code created} collects orders for webhooks. */
    record Scope(
            SimulatedStore store, String shop, List<SimulatedOrder> created, List<Consumer<WebhookSender>> webhooks) {}

    private static volatile GraphQL graphql;

    private SimulatorGraphql() {}

    static ParseAndValidateResult parseAndValidate(ExecutionInput input) {
        return ParseAndValidate.parseAndValidate(AdminSchema.get(), input);
    }

    static ExecutionResult execute(ExecutionInput input, Scope scope) {
        input.getGraphQLContext().put(Scope.class, scope);
        return engine().execute(input);
    }

    static List<String> rootFields(OperationDefinition operation) {
        return operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                .map(Field::getName)
                .toList();
    }

    /**
     * A simplified version of Shopify's calculated cost: 10 per mutation, otherwise one point per object selected.
     */
    static int cost(OperationDefinition operation) {
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            return 10 * rootFields(operation).size();
        }
        return Math.max(1, objectSelections(operation.getSelectionSet()));
    }

    private static int objectSelections(SelectionSet selections) {
        int count = 0;
        for (Field field : selections.getSelectionsOfType(Field.class)) {
            if (field.getSelectionSet() != null) {
                count += 1 + objectSelections(field.getSelectionSet());
            }
        }
        return count;
    }

    private static GraphQL engine() {
        GraphQL engine = graphql;
        if (engine == null) {
            synchronized (SimulatorGraphql.class) {
                if (graphql == null) {
                    graphql = GraphQL.newGraphQL(wire(AdminSchema.get())).build();
                }
                engine = graphql;
            }
        }
        return engine;
    }

    private static GraphQLSchema wire(GraphQLSchema schema) {
        String query = schema.getQueryType().getName();
        String mutation = schema.getMutationType().getName();
        graphql.schema.GraphQLCodeRegistry registry = schema.getCodeRegistry()
                .transform(code -> code.dataFetcher(
                                FieldCoordinates.coordinates(query, "metafieldDefinition"),
                                fetcher(SimulatorGraphql::metafieldDefinition))
                        .dataFetcher(
                                FieldCoordinates.coordinates(query, "orders"), fetcher(SimulatorOrdersQuery::orders))
                        .dataFetcher(
                                FieldCoordinates.coordinates(query, "productVariants"),
                                fetcher(SimulatorProductVariantsQuery::productVariants))
                        .dataFetcher(
                                FieldCoordinates.coordinates(query, "orderByIdentifier"),
                                fetcher(SimulatorGraphql::orderByIdentifier))
                        .dataFetcher(
                                FieldCoordinates.coordinates(mutation, "metafieldDefinitionCreate"),
                                fetcher(SimulatorGraphql::metafieldDefinitionCreate))
                        .dataFetcher(
                                FieldCoordinates.coordinates(mutation, "orderCreate"),
                                fetcher(SimulatorGraphql::orderCreate))
                        .dataFetcher(
                                FieldCoordinates.coordinates(mutation, "orderCancel"),
                                fetcher(SimulatorGraphql::orderCancel))
                        .dataFetcher(
                                FieldCoordinates.coordinates(query, "currentAppInstallation"),
                                fetcher((env, scope) ->
                                        scope.store().installations().installation(scope.shop())))
                        .dataFetcher(
                                FieldCoordinates.coordinates(query, "job"),
                                fetcher((env, scope) ->
                                        scope.store().cancellations().job(env.getArgument("id")))))
                .transform(code ->
                        SimulatorFulfillmentGraphql.fetchers(query, mutation).forEach(code::dataFetcher))
                .transform(
                        code -> SimulatorBulkGraphql.fetchers(query, mutation).forEach(code::dataFetcher))
                .transform(code -> SimulatorWebhookSubscriptionGraphql.fetchers(query, mutation)
                        .forEach(code::dataFetcher));
        return schema.transformWithoutTypes(builder -> builder.codeRegistry(registry));
    }

    interface Resolver {
        Object resolve(DataFetchingEnvironment env, Scope scope);
    }

    static DataFetcher<Object> fetcher(Resolver resolver) {
        return env -> resolver.resolve(env, env.getGraphQlContext().get(Scope.class));
    }

    private static Object metafieldDefinition(DataFetchingEnvironment env, Scope scope) {
        Map<String, Object> identifier = env.getArgument("identifier");
        if (identifier == null) {
            throw unsupported("metafieldDefinition is only simulated with an identifier");
        }
        return scope.store()
                .metafieldDefinition(
                        scope.shop(),
                        (String) identifier.get("ownerType"),
                        (String) identifier.get("namespace"),
                        (String) identifier.get("key"))
                .map(SimulatedMetafieldDefinition::asGraphql)
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Object orderByIdentifier(DataFetchingEnvironment env, Scope scope) {
        Map<String, Object> identifier = env.getArgument("identifier");
        if (identifier.get("id") != null) {
            return scope.store()
                    .orderById(scope.shop(), (String) identifier.get("id"))
                    .map(SimulatedOrder::asGraphql)
                    .orElse(null);
        }
        Map<String, Object> customId = (Map<String, Object>) identifier.get("customId");
        if (customId == null) {
            throw unsupported("orderByIdentifier needs id or customId");
        }
        String namespace = (String) customId.get("namespace");
        String key = (String) customId.get("key");
        boolean unique = scope.store()
                .metafieldDefinition(scope.shop(), "ORDER", namespace, key)
                .map(SimulatedMetafieldDefinition::uniqueValues)
                .orElse(false);
        if (!unique) {
            throw unsupported("Metafield definition " + namespace + "." + key
                    + " for ORDER does not exist or does not have the uniqueValues capability");
        }
        return scope.store()
                .orderByCustomId(scope.shop(), namespace, key, (String) customId.get("value"))
                .map(SimulatedOrder::asGraphql)
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Object metafieldDefinitionCreate(DataFetchingEnvironment env, Scope scope) {
        Map<String, Object> definition = env.getArgument("definition");
        Map<String, Object> capabilities = (Map<String, Object>) definition.getOrDefault("capabilities", Map.of());
        Map<String, Object> uniqueValues =
                capabilities == null ? null : (Map<String, Object>) capabilities.get("uniqueValues");
        boolean unique = uniqueValues != null && Boolean.TRUE.equals(uniqueValues.get("enabled"));
        var result = scope.store()
                .createMetafieldDefinition(
                        scope.shop(),
                        (String) definition.get("ownerType"),
                        (String) definition.get("namespace"),
                        (String) definition.get("key"),
                        (String) definition.get("type"),
                        unique);
        var payload = new HashMap<String, Object>();
        payload.put(
                "createdDefinition",
                result.value() == null ? null : result.value().asGraphql());
        payload.put("userErrors", result.userError() == null ? List.of() : List.of(result.userError()));
        return payload;
    }

    private static Object orderCreate(DataFetchingEnvironment env, Scope scope) {
        Map<String, Object> order = env.getArgument("order");
        Map<String, Object> options = env.getArgument("options");
        Object behaviour = options == null ? null : options.get("inventoryBehaviour");
        var result = scope.store()
                .createOrder(scope.shop(), order, behaviour == null ? SimulatedInventory.BYPASS : (String) behaviour);
        if (result.value() != null) {
            scope.created().add(result.value());
        }
        var payload = new HashMap<String, Object>();
        payload.put("order", result.value() == null ? null : result.value().asGraphql());
        payload.put("userErrors", result.userError() == null ? List.of() : List.of(result.userError()));
        return payload;
    }

    private static Object orderCancel(DataFetchingEnvironment env, Scope scope) {
        return scope.store()
                .cancellations()
                .cancel(
                        scope.shop(),
                        env.getArguments(),
                        order -> scope.webhooks()
                                .add(sender -> sender.send(
                                        "orders/cancelled",
                                        order.shop(),
                                        SimulatedOrderViews.webhookPayload(
                                                order, scope.store().revisions().current(order)))));
    }

    private static GraphqlErrorException unsupported(String message) {
        return GraphqlErrorException.newErrorException().message(message).build();
    }
}
