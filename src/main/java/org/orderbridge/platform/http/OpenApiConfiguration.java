package org.orderbridge.platform.http;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document's conventions, applied to every operation so that controllers declare only what is
 * theirs (summary, description, their own error statuses with a one-line reason): the API key requirement on
 * {@code /api/**}, the errors the platform itself answers there (401, 403, 429; 400 and 413 for a body), the RFC 9457
 * problem body of every error status, and examples of the order, shipment and problem bodies. See docs/api.md.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "ApiKey";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final String EXAMPLES = "openapi/examples/";

    private static final String DESCRIPTION = """
            OrderBridge connects a business's own systems (ERP, warehouse, B2B portal) with its Shopify stores.

            * **Orders** are accepted here, stored, and created in Shopify by a push queue, exactly once: repeat a \
            request with the same `externalId` as often as needed. The order's `status` tells how far it got \
            (`PENDING_PUSH`, `PUSHED`, `PUSH_FAILED` with `lastError`, `CANCELLED`).
            * **Shipments** of an order are fulfilled in Shopify with their tracking, idempotent by `shipmentId`.
            * **Errors** are RFC 9457 problems (`application/problem+json`); validation problems list every field \
            in `errors`.

            **Authentication**: every `/api/v1` operation needs an API key in the `X-API-Key` header (or \
            `Authorization: Bearer <key>`). A key has one role: `read` (queries), `write` (also intake, cancel, \
            shipments) or `admin` (also re-push and the operator endpoints), or `report`: queries in which every \
            customer and address field is absent. A key may be limited to shops (another shop's order is 404, \
            listings show only its shops) and may expire (then 401, saying so). Operator actions are audited with \
            the key's name.

            **Rate limits**: each key may send the number of requests per second that its role allows, with a burst \
            allowance; beyond it the answer is 429 with `Retry-After` (seconds), and other keys are not affected.

            Shopify's webhook endpoint is described here for completeness; it is authenticated by Shopify's HMAC \
            signature, not by an API key.""";

    @Bean
    OpenAPI orderBridgeOpenApi(ApiDocsProperties properties) {
        return new OpenAPI()
                .info(new Info()
                        .title("OrderBridge API")
                        .version(properties.version())
                        .description(DESCRIPTION)
                        .contact(new Contact()
                                .name(properties.contact().name())
                                .email(properties.contact().email())
                                .url(properties.contact().url().toString()))
                        .license(new License()
                                .name(properties.license().name())
                                .url(properties.license().url().toString())))
                .servers(properties.servers().stream()
                        .map(s -> new Server().url(s.url().toString()).description(s.description()))
                        .toList())
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description(
                                                "An API key of role read, write or admin (cumulative), or report (reads without "
                                                        + "personal data); `Authorization: Bearer <key>` is accepted too"))
                        .addHeaders(
                                RETRY_AFTER,
                                new Header()
                                        .description("Seconds to wait before trying again")
                                        .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE))));
    }

    @Bean
    OpenApiCustomizer apiConventions() {
        Map<String, Optional<Object>> examples = new ConcurrentHashMap<>();
        return openApi -> {
            // Here rather than on the OpenAPI bean, whose component schemas springdoc does not keep.
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths()
                    .forEach((path, item) ->
                            item.readOperations().forEach(operation -> applyConventions(path, operation, examples)));
        };
    }

    private static void applyConventions(String path, Operation operation, Map<String, Optional<Object>> examples) {
        ApiResponses responses = operation.getResponses();
        if (path.startsWith("/api/")) {
            operation.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
            declare(responses, "401", "No API key, an unknown one, or one that expired");
            declare(responses, "403", "The API key's role does not allow this operation");
            declare(
                    responses,
                    "429",
                    "This API key sent more requests per second than its role allows; retry after Retry-After "
                            + "seconds");
            if (operation.getRequestBody() != null) {
                declare(
                        responses,
                        "400",
                        "The body is not JSON of the expected shape, or invalid (errors lists every field)");
                declare(responses, "413", "The body is larger than allowed");
            }
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> addExample(media, examples));
        }
        responses.forEach((status, response) -> {
            if (isError(status)) {
                response.setContent(problemContent(status, response.getDescription(), path));
                if (status.equals("429") || status.equals("503")) {
                    response.addHeaderObject(RETRY_AFTER, new Header().$ref(RETRY_AFTER));
                }
            } else if (response.getContent() != null) {
                response.getContent().values().forEach(media -> addExample(media, examples));
            }
        });
    }

    private static void declare(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static Content problemContent(String status, String description, String path) {
        var example = new LinkedHashMap<String, Object>();
        example.put("type", "about:blank");
        example.put("title", HttpStatus.valueOf(Integer.parseInt(status)).getReasonPhrase());
        example.put("status", Integer.parseInt(status));
        example.put("detail", description);
        example.put("instance", path);
        return new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                                .schema(new Schema<>().$ref(SCHEMA_REF_PREFIX + PROBLEM_SCHEMA))
                                .example(example));
    }

    /** The example of a body whose schema (or whose array's items) has one in openapi/examples/. */
    private static void addExample(MediaType media, Map<String, Optional<Object>> examples) {
        Schema<?> schema = media.getSchema();
        if (schema == null || media.getExample() != null) {
            return;
        }
        if (schema.get$ref() != null) {
            Object example = example(schema.get$ref(), examples);
            if (example != null) {
                media.setExample(example);
            }
        } else if (schema.getItems() != null && schema.getItems().get$ref() != null) {
            Object example = example(schema.getItems().get$ref(), examples);
            if (example != null) {
                media.setExample(List.of(example));
            }
        }
    }

    private static @Nullable Object example(String ref, Map<String, Optional<Object>> examples) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return examples.computeIfAbsent(name, OpenApiConfiguration::readExample).orElse(null);
    }

    private static Optional<Object> readExample(String name) {
        var resource = new ClassPathResource(EXAMPLES + name + ".json");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(JsonMapper.shared().readValue(in, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable OpenAPI example " + resource, e);
        }
    }

    /** RFC 9457 problem details, with the members this API adds to some problems. */
    private static Schema<?> problemSchema() {
        var fieldProblem = new ObjectSchema()
                .description("One invalid field or parameter")
                .addProperty("field", new StringSchema().description("The field's name"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        return new ObjectSchema()
                .description("An error, as RFC 9457 problem details. Some problems add members, such as errors "
                        + "(every invalid field), items (what cannot be fulfilled) or existingOrderId.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                ._default("about:blank")
                                .description("Identifies the problem type; about:blank: the status says it all"))
                .addProperty("title", new StringSchema().description("Short summary of the problem type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(fieldProblem)
                                .description("Every invalid field or parameter (400 only)"))
                .additionalProperties(true);
    }
}
