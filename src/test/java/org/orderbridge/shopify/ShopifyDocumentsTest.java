package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLContext;
import graphql.ParseAndValidate;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeUtil;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
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
        assertAllMatchThePinnedSchema(commercialOrderCreateVariables());
    }

    private static List<VariableCase> commercialOrderCreateVariables() {
        var cases = new ArrayList<VariableCase>();
        cases.add(new VariableCase(
                ShopifyOperation.CREATE_ORDER,
                OrderCreateVariables.of(ShopifyFixtures.commercialDraft(), InventoryBehaviour.BYPASS)));
        for (String type : List.of("FIXED_AMOUNT", "PERCENTAGE", "FREE_SHIPPING")) {
            cases.add(new VariableCase(
                    ShopifyOperation.CREATE_ORDER,
                    OrderCreateVariables.of(
                            ShopifyFixtures.discountedDraft(
                                    type, type.equals("FREE_SHIPPING") ? null : new java.math.BigDecimal("10")),
                            InventoryBehaviour.BYPASS)));
        }
        return cases;
    }

    @Test
    void orderCreateVariablesOfADraftWithoutEmailOrAddressesMatchTheSchemaInputTypes() {
        assertAllMatchThePinnedSchema(bareOrderCreateVariables());
    }

    private static List<VariableCase> bareOrderCreateVariables() {
        OrderDraft full = ShopifyFixtures.draft();
        OrderDraft bare = new OrderDraft(
                full.shopDomain(), full.orderId(), null, null, null, null, null, null, "EUR", full.lines(), null, null);
        return List.of(new VariableCase(
                ShopifyOperation.CREATE_ORDER, OrderCreateVariables.of(bare, InventoryBehaviour.BYPASS)));
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
        assertAllMatchThePinnedSchema(metafieldDefinitionVariables());
    }

    private static List<VariableCase> metafieldDefinitionVariables() {
        return List.of(
                new VariableCase(ShopifyOperation.FIND_ORDER_ID_DEFINITION, OrderIdMetafield.definitionLookup()),
                new VariableCase(ShopifyOperation.CREATE_ORDER_ID_DEFINITION, OrderIdMetafield.definition()),
                new VariableCase(
                        ShopifyOperation.FIND_ORDER_BY_CUSTOM_ID,
                        Map.of("identifier", OrderIdMetafield.identifier(UUID.randomUUID()))));
    }

    @Test
    void orderCancelVariablesMatchTheSchemaInputTypesWithAndWithoutRefund() {
        assertAllMatchThePinnedSchema(orderCancelVariables());
    }

    private static List<VariableCase> orderCancelVariables() {
        var cases = new ArrayList<VariableCase>();
        for (boolean refund : new boolean[] {true, false}) {
            cases.add(new VariableCase(
                    ShopifyOperation.CANCEL_ORDER,
                    OrderCancellations.variables(new ShopifyCancellations.CancelCommand(
                            "shop.myshopify.com", "gid://shopify/Order/1", "CUSTOMER", true, refund, false, "note"))));
        }
        cases.add(new VariableCase(ShopifyOperation.FIND_ORDER_CANCELLATION, Map.of("id", "gid://shopify/Order/1")));
        cases.add(new VariableCase(
                ShopifyOperation.FIND_ORDER_CANCELLATION_BY_CUSTOM_ID,
                Map.of("identifier", OrderIdMetafield.identifier(UUID.randomUUID()))));
        cases.add(new VariableCase(ShopifyOperation.FIND_JOB, Map.of("id", "gid://shopify/Job/1")));
        return cases;
    }

    @Test
    void orderFeedVariablesMatchTheSchemaInputTypes() {
        assertAllMatchThePinnedSchema(orderFeedVariables());
    }

    private static List<VariableCase> orderFeedVariables() {
        var variables = new java.util.HashMap<String, Object>();
        variables.put("query", "updated_at:>='2026-11-20T10:00:00Z'");
        variables.put("first", 10);
        variables.put("after", null);
        variables.put("lines", ShopifyOrderReader.LINES_PER_PAGED_ORDER);
        return List.of(
                new VariableCase(ShopifyOperation.ORDERS_UPDATED_SINCE, variables),
                new VariableCase(
                        ShopifyOperation.ORDER_SNAPSHOT,
                        Map.of("id", "gid://shopify/Order/1", "lines", ShopifyOrderFeed.MAX_LINE_ITEMS)));
    }

    @Test
    void fulfillmentVariablesMatchTheSchemaInputTypes() {
        assertAllMatchThePinnedSchema(fulfillmentVariables());
    }

    private static List<VariableCase> fulfillmentVariables() {
        var cases = new ArrayList<VariableCase>();
        var page = new java.util.HashMap<String, Object>();
        page.put("id", "gid://shopify/Order/1");
        page.put("after", null);
        cases.add(new VariableCase(ShopifyOperation.FIND_FULFILLMENT_STATE, Map.of("id", "gid://shopify/Order/1")));
        cases.add(new VariableCase(ShopifyOperation.ORDER_LINE_ITEMS_PAGE, page));
        cases.add(new VariableCase(
                ShopifyOperation.FULFILLMENT_ORDERS_PAGE, Map.of("id", "gid://shopify/Order/1", "after", "c1")));
        cases.add(new VariableCase(
                ShopifyOperation.FULFILLMENT_ORDER_LINES_PAGE,
                Map.of("id", "gid://shopify/FulfillmentOrder/1", "after", "c1")));
        cases.add(new VariableCase(ShopifyOperation.FIND_FULFILLMENTS, Map.of("id", "gid://shopify/Order/1")));
        cases.add(new VariableCase(
                ShopifyOperation.FULFILLMENT_LINES_PAGE, Map.of("id", "gid://shopify/Fulfillment/1", "after", "c1")));
        cases.add(new VariableCase(
                ShopifyOperation.RELEASE_FULFILLMENT_HOLD,
                Map.of(
                        "id",
                        "gid://shopify/FulfillmentOrder/1",
                        "holdIds",
                        List.of("gid://shopify/FulfillmentHold/1"))));
        cases.add(new VariableCase(
                ShopifyOperation.OPEN_FULFILLMENT_ORDER, Map.of("id", "gid://shopify/FulfillmentOrder/1")));
        cases.add(new VariableCase(
                ShopifyOperation.MOVE_FULFILLMENT_ORDER,
                Map.of(
                        "id",
                        "gid://shopify/FulfillmentOrder/1",
                        "newLocationId",
                        "gid://shopify/Location/2",
                        "fulfillmentOrderLineItems",
                        List.of(Map.of("id", "gid://shopify/FulfillmentOrderLineItem/1", "quantity", 1)))));
        for (var tracking : List.of(
                new ShopifyFulfillments.Tracking("UPS", List.of("1Z1"), "https://t.example/1Z1"),
                new ShopifyFulfillments.Tracking(null, List.of("A1", "A2"), "https://t.example/A"))) {
            Map<String, Object> input = DuplicateSafeShopifyFulfillments.trackingInput(tracking);
            cases.add(new VariableCase(
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
                                    false))));
            cases.add(new VariableCase(
                    ShopifyOperation.UPDATE_FULFILLMENT_TRACKING,
                    Map.of(
                            "fulfillmentId",
                            "gid://shopify/Fulfillment/1",
                            "trackingInfoInput",
                            input,
                            "notifyCustomer",
                            true)));
        }
        return cases;
    }

    @Test
    void bulkQueryVariablesMatchTheSchemaInputTypes() {
        assertAllMatchThePinnedSchema(bulkQueryVariables());
    }

    private static List<VariableCase> bulkQueryVariables() {
        return List.of(
                new VariableCase(
                        ShopifyOperation.RUN_BULK_QUERY,
                        Map.of("query", "{ orders { edges { node { id } } } }", "groupObjects", true)),
                new VariableCase(ShopifyOperation.FIND_BULK_OPERATION, Map.of("id", "gid://shopify/BulkOperation/1")));
    }

    @Test
    void webhookSubscriptionVariablesMatchTheSchemaInputTypes() {
        assertAllMatchThePinnedSchema(webhookSubscriptionVariables());
    }

    private static List<VariableCase> webhookSubscriptionVariables() {
        String arn = "arn:aws:events:us-east-1::event-source/aws.partner/shopify.com/1234/orderbridge";
        var topics = new java.util.HashMap<String, Object>();
        topics.put("topics", java.util.List.of("ORDERS_CREATE", "APP_UNINSTALLED"));
        topics.put("after", null);
        return List.of(
                new VariableCase(ShopifyOperation.LIST_WEBHOOK_SUBSCRIPTIONS, topics),
                new VariableCase(
                        ShopifyOperation.CREATE_WEBHOOK_SUBSCRIPTION,
                        Map.of(
                                "topic",
                                "ORDERS_PARTIALLY_FULFILLED",
                                "webhookSubscription",
                                AdminWebhookSubscriptions.input(arn))),
                new VariableCase(
                        ShopifyOperation.UPDATE_WEBHOOK_SUBSCRIPTION,
                        Map.of(
                                "id",
                                "gid://shopify/WebhookSubscription/1",
                                "webhookSubscription",
                                AdminWebhookSubscriptions.input("https://orders.example.com/webhooks/shopify"))));
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
        assertAllMatchThePinnedSchema(skuSearchVariables());
        assertThat(SkuSearch.query(List.of("MUG-1", "PEN 'FINE' \\ (BLUE)")))
                .isEqualTo("sku:'MUG-1' OR sku:'PEN \\'FINE\\' \\\\ (BLUE)'");
    }

    private static List<VariableCase> skuSearchVariables() {
        return List.of(new VariableCase(
                ShopifyOperation.FIND_VARIANTS_BY_SKU,
                ShopifyVariantLookup.variables(List.of("MUG-1", "PEN 'FINE'"), VariantLookup.MAX_PAGE)));
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

    /**
     * Shopify's schema of the pinned version is the simulator's resource; the next versions' (the quarterly release
     * candidate, {@code unstable}) are dropped beside the repository as {@code admin-graphql-<version>.introspection.json.gz}
     * (docs/shopify.md, "API versions").
     */
    static final Path SHARED_SCHEMAS = Path.of("../shared/shopify");

    @Test
    void pinnedSchemaIsTheVersionTheServiceAsksForAndTheSharedCopyOfIt() throws IOException {
        String pinned = versionOf(Path.of(AdminSchema.RESOURCE));

        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
                .contains("api-version: ${SHOPIFY_API_VERSION:" + pinned + "}");
        Path shared = SHARED_SCHEMAS.resolve(
                Path.of(AdminSchema.RESOURCE).getFileName().toString());
        if (Files.exists(shared)) {
            try (InputStream resource =
                            new GZIPInputStream(AdminSchema.class.getResourceAsStream(AdminSchema.RESOURCE));
                    InputStream copy = new GZIPInputStream(Files.newInputStream(shared))) {
                assertThat(copy.readAllBytes())
                        .as("%s differs from the pinned schema", shared)
                        .isEqualTo(resource.readAllBytes());
            }
        }
    }

    /**
     * Every document and every variable case against each next version's schema. Reported, not failed: what it finds
     * is the work of the next upgrade (docs/shopify.md), written to target/shopify-schema-<version>.txt and the test
     * output.
     */
    @Test
    void reportsWhatEachNextSchemaWouldBreak() throws IOException {
        List<Path> next = nextSchemaFiles();
        Assumptions.assumeFalse(
                next.isEmpty(), "no schema besides the pinned one in " + SHARED_SCHEMAS.toAbsolutePath());
        for (Path file : next) {
            List<String> findings = whatBreaks(AdminSchema.of(file));
            Path report = Path.of("target", "shopify-schema-" + versionOf(file) + ".txt");
            Files.createDirectories(report.getParent());
            Files.write(report, findings);
            System.out.printf(
                    "Shopify Admin schema %s: %d findings for the service's documents and variables (%s)%n  %s%n",
                    versionOf(file), findings.size(), report, String.join("\n  ", findings));
        }
    }

    @Test
    void findsDeprecatedFieldsArgumentsAndNewEnumValuesADocumentSelects() {
        String types = """
                type Query { job(id: ID!): Job @deprecated(reason: "Use `node` instead.") node(id: ID!): Node }
                interface Node { id: ID! }
                type Job implements Node { id: ID! done: Boolean! }
                type Order implements Node {
                  id: ID!
                  name(format: String @deprecated(reason: "Always short.")): String
                  status: Status
                }
                """;
        GraphQLSchema pinned = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(types + "enum Status { OPEN }"));
        GraphQLSchema next = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(types + "enum Status { OPEN ON_HOLD }"));
        Document document = Parser.parse("""
                query($id: ID!) { job(id: $id) { id done } node(id: $id) { id ...O } }
                fragment O on Order { name(format: "short") status }
                """);

        assertThat(selectionFindings(next, pinned, document))
                .containsExactly(
                        "Query.job is deprecated (Use `node` instead.)",
                        "Order.name(format) is deprecated (Always short.)",
                        "Order.status may answer ON_HOLD, new in Status");
    }

    static List<Path> nextSchemaFiles() throws IOException {
        if (!Files.isDirectory(SHARED_SCHEMAS)) {
            return List.of();
        }
        String pinned = Path.of(AdminSchema.RESOURCE).getFileName().toString();
        try (var files = Files.list(SHARED_SCHEMAS)) {
            return files.filter(file ->
                            file.getFileName().toString().matches("admin-graphql-.+\\.introspection\\.json\\.gz"))
                    .filter(file -> !file.getFileName().toString().equals(pinned))
                    .sorted()
                    .toList();
        }
    }

    private static String versionOf(Path schemaFile) {
        return schemaFile.getFileName().toString().replaceAll("^admin-graphql-(.+)\\.introspection\\.json\\.gz$", "$1");
    }

    /**
     * Field by field what a schema refuses in the service's documents (validation errors: removed fields, arguments,
     * types), what it deprecates among the fields and arguments they select (still served, removed in a later version),
     * and what it refuses or deprecates in the variables.
     */
    static List<String> whatBreaks(GraphQLSchema schema) {
        var findings = new LinkedHashSet<String>();
        for (ShopifyOperation operation : ShopifyOperation.values()) {
            Document document = Parser.parse(operation.document());
            List<ValidationError> errors = ParseAndValidate.validate(schema, document);
            errors.forEach(error -> findings.add(operation + ": " + error.getDescription()));
            if (errors.isEmpty()) {
                selectionFindings(schema, AdminSchema.get(), document)
                        .forEach(found -> findings.add(operation + ": " + found));
            }
        }
        for (VariableCase variableCase : allVariableCases()) {
            variableProblems(schema, variableCase)
                    .forEach(problem -> findings.add(variableCase.operation() + " variables: " + problem));
        }
        return List.copyOf(findings);
    }

    /**
     * What the selections of a document meet in a schema: deprecated fields and arguments, and enums answering values
     * that the pinned schema does not have (a status or an error code the service has not seen yet).
     */
    static List<String> selectionFindings(GraphQLSchema schema, GraphQLSchema pinned, Document document) {
        var fragments = new java.util.HashMap<String, FragmentDefinition>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        var found = new LinkedHashSet<String>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            GraphQLObjectType root = operation.getOperation() == OperationDefinition.Operation.MUTATION
                    ? schema.getMutationType()
                    : schema.getQueryType();
            new Selections(schema, pinned, fragments, found).visit(root, operation.getSelectionSet());
        }
        return List.copyOf(found);
    }

    private record Selections(
            GraphQLSchema schema, GraphQLSchema pinned, Map<String, FragmentDefinition> fragments, Set<String> found) {

        void visit(GraphQLType type, SelectionSet selections) {
            for (Selection<?> selection : selections.getSelections()) {
                switch (selection) {
                    case Field field
                    when type instanceof GraphQLFieldsContainer container
                            && container.getFieldDefinition(field.getName()) != null -> field(container, field);
                    case InlineFragment inline ->
                        visit(
                                inline.getTypeCondition() == null
                                        ? type
                                        : schema.getType(
                                                inline.getTypeCondition().getName()),
                                inline.getSelectionSet());
                    case FragmentSpread spread -> {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        visit(schema.getType(fragment.getTypeCondition().getName()), fragment.getSelectionSet());
                    }
                    default -> {}
                }
            }
        }

        private void field(GraphQLFieldsContainer container, Field field) {
            GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
            String name = container.getName() + "." + field.getName();
            if (definition.isDeprecated()) {
                found.add(name + " is deprecated (" + definition.getDeprecationReason() + ")");
            }
            for (Argument argument : field.getArguments()) {
                GraphQLArgument declared = definition.getArgument(argument.getName());
                if (declared != null && declared.isDeprecated()) {
                    found.add(name + "(" + argument.getName() + ") is deprecated (" + declared.getDeprecationReason()
                            + ")");
                }
            }
            GraphQLType answered = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (answered instanceof GraphQLEnumType values
                    && pinned.getType(values.getName()) instanceof GraphQLEnumType known) {
                List<String> added = values.getValues().stream()
                        .map(GraphQLEnumValueDefinition::getName)
                        .filter(value -> known.getValue(value) == null)
                        .toList();
                if (!added.isEmpty()) {
                    found.add(name + " may answer " + String.join(", ", added) + ", new in " + values.getName());
                }
            }
            if (field.getSelectionSet() != null) {
                visit(answered, field.getSelectionSet());
            }
        }
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

    /** Variables the service sends with one operation, as a test builds them. */
    record VariableCase(ShopifyOperation operation, Map<String, Object> variables) {}

    /** Every variable case of this class, for checking them against another version's schema. */
    static List<VariableCase> allVariableCases() {
        var cases = new ArrayList<VariableCase>();
        for (InventoryBehaviour inventory : InventoryBehaviour.values()) {
            cases.add(new VariableCase(
                    ShopifyOperation.CREATE_ORDER, OrderCreateVariables.of(ShopifyFixtures.draft(), inventory)));
        }
        cases.addAll(commercialOrderCreateVariables());
        cases.addAll(bareOrderCreateVariables());
        cases.addAll(metafieldDefinitionVariables());
        cases.addAll(orderCancelVariables());
        cases.addAll(orderFeedVariables());
        cases.addAll(fulfillmentVariables());
        cases.addAll(bulkQueryVariables());
        cases.addAll(webhookSubscriptionVariables());
        cases.addAll(skuSearchVariables());
        return cases;
    }

    private static void assertVariablesMatchTheSchema(ShopifyOperation operation, Map<String, Object> variables) {
        assertAllMatchThePinnedSchema(List.of(new VariableCase(operation, variables)));
    }

    private static void assertAllMatchThePinnedSchema(List<VariableCase> cases) {
        for (VariableCase variableCase : cases) {
            assertThat(variableProblems(AdminSchema.get(), variableCase))
                    .as("%s variables against the schema", variableCase.operation())
                    .isEmpty();
        }
    }

    /**
     * What a schema finds wrong with a case: the variables must coerce as graphql-java does it, and hold nothing the
     * schema refuses or deprecates ({@link SchemaInputs}).
     */
    static List<String> variableProblems(GraphQLSchema schema, VariableCase variableCase) {
        OperationDefinition definition = Parser.parse(variableCase.operation().document())
                .getDefinitionsOfType(OperationDefinition.class)
                .getFirst();
        var problems = new ArrayList<String>();
        try {
            ValuesResolver.coerceVariableValues(
                    schema,
                    definition.getVariableDefinitions(),
                    RawVariables.of(variableCase.variables()),
                    GraphQLContext.getDefault(),
                    Locale.ROOT);
        } catch (RuntimeException e) {
            problems.add("coercion: " + e.getMessage());
        }
        problems.addAll(SchemaInputs.problems(schema, variableCase.operation().document(), variableCase.variables()));
        return problems;
    }

    /**
     * Walks variable values through the schema's input types, as Shopify reads them: every field exists, required
     * fields are there, a oneOf input object has exactly one field, enum values are values, and nothing used is
     * deprecated (which coercion lets through). Scalars are left to coercion.
     */
    static final class SchemaInputs {

        private SchemaInputs() {}

        static List<String> problems(String document, Map<String, Object> variables) {
            return problems(AdminSchema.get(), document, variables);
        }

        static List<String> problems(GraphQLSchema schema, String document, Map<String, Object> variables) {
            OperationDefinition operation = Parser.parse(document)
                    .getDefinitionsOfType(OperationDefinition.class)
                    .getFirst();
            var problems = new ArrayList<String>();
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                String typeName = TypeUtil.unwrapAll(variable.getType()).getName();
                if (schema.getType(typeName) == null) {
                    problems.add(variable.getName() + ": type " + typeName + " is not in the schema");
                    continue;
                }
                walk(
                        inputType(schema, variable.getType()),
                        variables.get(variable.getName()),
                        variable.getName(),
                        problems);
            }
            return problems;
        }

        private static GraphQLInputType inputType(GraphQLSchema schema, Type<?> type) {
            return switch (type) {
                case NonNullType nonNull -> GraphQLNonNull.nonNull(inputType(schema, nonNull.getType()));
                case ListType list -> GraphQLList.list(inputType(schema, list.getType()));
                case TypeName name -> (GraphQLInputType) schema.getType(name.getName());
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
