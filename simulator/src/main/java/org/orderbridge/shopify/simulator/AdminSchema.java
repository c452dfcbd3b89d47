package org.orderbridge.shopify.simulator;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.ObjectMapper;

/**
 * Shopify's published Admin GraphQL schema (API 2026-10), built from the introspection result among its resources. Custom
 * scalars pass values through unchanged and abstract types resolve by a {@code __typename} entry, which is all the
 * simulator needs to execute documents while graphql-java checks them against the real types.
 */
public final class AdminSchema {

    public static final String RESOURCE = "/shopify/admin-graphql-2026-10.introspection.json.gz";

    private static volatile GraphQLSchema schema;

    private AdminSchema() {}

    public static GraphQLSchema get() {
        GraphQLSchema loaded = schema;
        if (loaded == null) {
            synchronized (AdminSchema.class) {
                if (schema == null) {
                    schema = load();
                }
                loaded = schema;
            }
        }
        return loaded;
    }

    private static GraphQLSchema load() {
        try (InputStream in = AdminSchema.class.getResourceAsStream(RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * Another version's schema from its gzipped introspection result, as Shopify publishes one per version (and
     * {@code unstable}): what the tests check the service's documents against before the pinned version moves on.
     */
    public static GraphQLSchema of(Path introspectionGz) {
        try (InputStream in = Files.newInputStream(introspectionGz)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + introspectionGz, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static GraphQLSchema read(InputStream gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(gzipped)) {
            Map<String, Object> introspection = new ObjectMapper().readValue(in, Map.class);
            Map<String, Object> data = (Map<String, Object>) introspection.getOrDefault("data", introspection);
            Document sdl = withInputDirectives(new IntrospectionResultToSchema().createSchemaDefinition(data), data);
            return new SchemaGenerator()
                    .makeExecutableSchema(
                            new SchemaParser().buildRegistry(sdl),
                            RuntimeWiring.newRuntimeWiring()
                                    .wiringFactory(new PassThroughWiring())
                                    .build());
        }
    }

    /**
     * graphql-java's conversion of an introspection result drops what it says of input objects: which input fields are
     * deprecated, and which input objects take exactly one field ({@code isOneOf}). Put back as the {@code @deprecated}
     * and {@code @oneOf} directives, the schema refuses a oneOf input with two fields, as Shopify does, and tells a
     * caller's test which fields Shopify deprecated.
     */
    @SuppressWarnings("unchecked")
    private static Document withInputDirectives(Document sdl, Map<String, Object> introspection) {
        var types = new HashMap<String, Map<String, Object>>();
        for (Map<String, Object> type :
                (List<Map<String, Object>>) ((Map<String, Object>) introspection.get("__schema")).get("types")) {
            types.put((String) type.get("name"), type);
        }
        return sdl.transform(document -> document.definitions(sdl.getDefinitions().stream()
                .map(definition -> definition instanceof InputObjectTypeDefinition input
                        ? withInputDirectives(input, types.get(input.getName()))
                        : definition)
                .toList()));
    }

    @SuppressWarnings("unchecked")
    private static Definition<?> withInputDirectives(InputObjectTypeDefinition input, Map<String, Object> type) {
        var deprecations = new HashMap<String, String>();
        for (Map<String, Object> field : (List<Map<String, Object>>) type.get("inputFields")) {
            if (Boolean.TRUE.equals(field.get("isDeprecated"))) {
                deprecations.put((String) field.get("name"), String.valueOf(field.get("deprecationReason")));
            }
        }
        var fields = input.getInputValueDefinitions().stream()
                .map(field -> deprecations.containsKey(field.getName())
                        ? field.transform(f -> f.directive(Directive.newDirective()
                                .name("deprecated")
                                .argument(new Argument("reason", new StringValue(deprecations.get(field.getName()))))
                                .build()))
                        : field)
                .toList();
        return input.transform(builder -> {
            builder.inputValueDefinitions(fields);
            if (Boolean.TRUE.equals(type.get("isOneOf"))) {
                builder.directive(Directive.newDirective().name("oneOf").build());
            }
        });
    }

    private static final class PassThroughWiring implements WiringFactory {

        private static final TypeResolver BY_TYPENAME =
                env -> env.getSchema().getObjectType((String) ((Map<?, ?>) env.getObject()).get("__typename"));

        @Override
        public boolean providesScalar(ScalarWiringEnvironment environment) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(
                    environment.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
            return GraphQLScalarType.newScalar()
                    .name(environment.getScalarTypeDefinition().getName())
                    .definition(environment.getScalarTypeDefinition())
                    .coercing(new PassThrough())
                    .build();
        }

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return BY_TYPENAME;
        }
    }

    private static final class PassThrough implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
            return dataFetcherResult;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }

        private static Object literal(Value<?> value, CoercedVariables variables) {
            return switch (value) {
                case StringValue v -> v.getValue();
                case IntValue v -> v.getValue();
                case FloatValue v -> v.getValue();
                case BooleanValue v -> v.isValue();
                case EnumValue v -> v.getName();
                case NullValue v -> null;
                case VariableReference v -> variables.get(v.getName());
                case ArrayValue v ->
                    v.getValues().stream().map(item -> literal(item, variables)).toList();
                case ObjectValue v -> {
                    var object = new LinkedHashMap<String, Object>();
                    v.getObjectFields().forEach(f -> object.put(f.getName(), literal(f.getValue(), variables)));
                    yield object;
                }
                default -> throw new IllegalArgumentException("Unsupported literal " + value);
            };
        }
    }
}
