package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.AdminSchema;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedInstallations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The access scopes each feature needs, worked out from the documents it sends and Shopify's own statement of what
 * each field and type requires (the schema file's {@code offline_scopes}: per type and field, the scopes of which any
 * one grants access), held equal to {@link ShopifyFeature}'s lists, the scopes table in docs/shopify.md and the app
 * configuration example.
 */
@Tag("unit")
class AccessScopesTest {

    /** Per type ({@code "Order"}) and field ({@code "QueryRoot.orderByIdentifier"}): any one of these scopes. */
    private static final Map<String, List<String>> REQUIRED = new HashMap<>();

    @BeforeAll
    static void readShopifysScopeRequirements() throws IOException {
        try (InputStream in = new GZIPInputStream(AdminSchema.class.getResourceAsStream(AdminSchema.RESOURCE))) {
            JsonNode items =
                    new ObjectMapper().readTree(in).path("offline_scopes").path("items");
            for (JsonNode item : items) {
                List<String> scopes = new ArrayList<>();
                item.path("offlineScopes").forEach(scope -> scopes.add(scope.asString()));
                if (scopes.isEmpty()) {
                    continue;
                }
                String key = item.path("type").asString().equals("type")
                        ? item.path("typeName").asString()
                        : item.path("typeName").asString() + "."
                                + item.path("fieldName").asString();
                REQUIRED.put(key, scopes);
            }
        }
        assertThat(REQUIRED).as("Shopify's offline_scopes in the schema file").containsKey("Order");
    }

    @Test
    void everyFeatureListsExactlyTheScopesItsDocumentsNeed() {
        Map<ShopifyFeature, Set<List<String>>> needs = requirementsByFeature();

        for (ShopifyFeature feature : ShopifyFeature.values()) {
            Set<List<String>> requirements = needs.getOrDefault(feature, Set.of());
            Set<String> declared = Set.copyOf(feature.scopes());
            assertThat(requirements)
                    .as("%s's requirements met by %s", feature, declared)
                    .allSatisfy(anyOf -> assertThat(satisfied(anyOf, declared))
                            .as("one of %s", anyOf)
                            .isTrue());
            for (String scope : declared) {
                var without = new LinkedHashSet<>(declared);
                without.remove(scope);
                assertThat(requirements.stream().anyMatch(anyOf -> !satisfied(anyOf, without)))
                        .as("%s of %s is needed by some document", scope, feature)
                        .isTrue();
            }
        }
    }

    @Test
    void theScopesAreWrittenDownWhereTheAppIsConfigured() throws IOException {
        Set<String> all = ShopifyFeature.allScopes();

        String toml = Files.readString(Path.of("docs/shopify.app.toml.example"));
        Matcher scopes = Pattern.compile("(?m)^scopes\\s*=\\s*\"([^\"]*)\"").matcher(toml);
        assertThat(scopes.find()).as("scopes = \"...\" in [access_scopes]").isTrue();
        assertThat(new TreeSet<>(List.of(scopes.group(1).split(",")))).isEqualTo(all);
        assertThat(toml).contains("api_version = \"" + ShopifySimulator.API_VERSION + "\"");

        String docs = Files.readString(Path.of("docs/shopify.md"));
        for (ShopifyFeature feature : ShopifyFeature.values()) {
            String row = "| " + feature.name() + " | " + feature.title() + " | "
                    + (feature.scopes().isEmpty() ? "–" : "`" + String.join("`, `", feature.scopes()) + "`") + " |";
            assertThat(docs).as("docs/shopify.md's scopes table").contains(row);
        }
        assertThat(SimulatedInstallations.DEFAULT_SCOPES)
                .as("what the simulator's shops grant")
                .isEqualTo(all);
    }

    @Test
    void aGrantedWriteScopeCoversItsReadScope() {
        assertThat(ShopifyFeature.FULFILLMENT.missingFrom(Set.of("write_orders", "read_locations")))
                .containsExactly("write_merchant_managed_fulfillment_orders");
        assertThat(ShopifyFeature.ORDER_SYNC.missingFrom(Set.of("write_orders", "write_customers", "read_products")))
                .isEmpty();
        assertThat(ShopifyFeature.ORDER_PUSH.missingFrom(Set.of("read_orders")))
                .containsExactly("read_products", "write_orders");
    }

    private static Map<ShopifyFeature, Set<List<String>>> requirementsByFeature() {
        GraphQLSchema schema = AdminSchema.get();
        var needs = new EnumMap<ShopifyFeature, Set<List<String>>>(ShopifyFeature.class);
        for (ShopifyOperation operation : ShopifyOperation.values()) {
            Set<List<String>> requirements =
                    needs.computeIfAbsent(ShopifyFeature.of(operation), f -> new LinkedHashSet<>());
            Document document = Parser.parse(operation.document());
            var fragments = new HashMap<String, FragmentDefinition>();
            document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
            for (OperationDefinition definition : document.getDefinitionsOfType(OperationDefinition.class)) {
                GraphQLObjectType root = definition.getOperation() == OperationDefinition.Operation.MUTATION
                        ? schema.getMutationType()
                        : schema.getQueryType();
                walk(schema, root, definition.getSelectionSet(), fragments, requirements);
            }
        }
        return needs;
    }

    /** Every field selected on {@code type}, and every type a selection returns, down the whole document. */
    private static void walk(
            GraphQLSchema schema,
            GraphQLFieldsContainer type,
            SelectionSet selections,
            Map<String, FragmentDefinition> fragments,
            Set<List<String>> requirements) {
        for (Selection<?> selection : selections.getSelections()) {
            switch (selection) {
                case Field field when field.getName().startsWith("__") -> {}
                case Field field -> {
                    GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
                    add(requirements, type.getName() + "." + field.getName());
                    GraphQLNamedType returned = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType());
                    add(requirements, returned.getName());
                    if (field.getSelectionSet() != null && returned instanceof GraphQLFieldsContainer container) {
                        walk(schema, container, field.getSelectionSet(), fragments, requirements);
                    }
                }
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    walk(
                            schema,
                            (GraphQLFieldsContainer)
                                    schema.getType(fragment.getTypeCondition().getName()),
                            fragment.getSelectionSet(),
                            fragments,
                            requirements);
                }
                case InlineFragment inline ->
                    walk(
                            schema,
                            inline.getTypeCondition() == null
                                    ? type
                                    : (GraphQLFieldsContainer) schema.getType(
                                            inline.getTypeCondition().getName()),
                            inline.getSelectionSet(),
                            fragments,
                            requirements);
                default -> throw new IllegalStateException("unexpected selection " + selection);
            }
        }
    }

    private static void add(Set<List<String>> requirements, String key) {
        List<String> anyOf = REQUIRED.get(key);
        if (anyOf != null) {
            requirements.add(anyOf);
        }
    }

    private static boolean satisfied(List<String> anyOf, Set<String> granted) {
        return anyOf.stream().anyMatch(scope -> ShopifyFeature.covered(scope, granted));
    }
}
