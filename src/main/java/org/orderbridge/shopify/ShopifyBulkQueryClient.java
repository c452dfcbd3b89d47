package org.orderbridge.shopify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Bulk queries through the shop's transport, retry and circuit breaker; the result file over plain HTTPS, from Shopify's
 * storage only.
 */
final class ShopifyBulkQueryClient implements ShopifyBulkQueries {

    /** One bulk call: starting or reading an operation is a single small request, retries included. */
    private static final Duration CALL_BUDGET = Duration.ofSeconds(60);

    private final ShopifyProperties properties;
    private final AdminGraphqlTransport transport;
    private final ShopifyResilience resilience;
    private final HttpClient files;

    ShopifyBulkQueryClient(
            ShopifyProperties properties, AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.properties = properties;
        this.transport = transport;
        this.resilience = resilience;
        this.files = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                // A redirect would leave the host that was checked.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String start(String shopDomain, String query) {
        // Grouped: a line item follows its order, so that the result can be read one order at a time.
        JsonNode payload = call(
                        shopDomain, ShopifyOperation.RUN_BULK_QUERY, Map.of("query", query, "groupObjects", true))
                .path("bulkOperationRunQuery");
        JsonNode errors = payload.path("userErrors");
        for (JsonNode error : errors) {
            String code = error.path("code").asString("");
            if (code.equals("LIMIT_REACHED") || code.equals("OPERATION_IN_PROGRESS")) {
                // Other bulk queries of the app still run in the shop; this one can start once they are done.
                throw new ShopifyUnavailableException(
                        "Shopify runs other bulk queries for " + shopDomain + ": "
                                + error.path("message").asString(),
                        properties.retry().maxInterval(),
                        null);
            }
        }
        if (!errors.isEmpty()) {
            throw new BulkQueryRefused("Shopify refused the bulk query for " + shopDomain + ": " + errors);
        }
        String id = payload.path("bulkOperation").path("id").asString(null);
        if (id == null) {
            throw new BulkQueryRefused("Shopify started no bulk operation for " + shopDomain);
        }
        return id;
    }

    @Override
    public BulkOperation find(String shopDomain, String operationId) {
        JsonNode operation = call(shopDomain, ShopifyOperation.FIND_BULK_OPERATION, Map.of("id", operationId))
                .path("bulkOperation");
        if (!operation.isObject()) {
            throw new BulkQueryRefused("Shopify knows no bulk operation " + operationId + " of " + shopDomain);
        }
        String url = operation.path("url").asString(null);
        return new BulkOperation(
                operation.path("id").asString(),
                ShopifyBulkQueries.Status.valueOf(operation.path("status").asString()),
                operation.path("errorCode").asString(null),
                operation.path("objectCount").asLong(0),
                operation.path("rootObjectCount").asLong(0),
                url == null ? null : URI.create(url));
    }

    @Override
    public InputStream openResult(URI url) {
        if (!properties.bulkResults().allows(url)) {
            throw new BulkQueryRefused("Bulk result not read: " + url.getScheme() + "://" + url.getHost()
                    + " is not one of the allowed storage hosts over HTTPS (orderbridge.shopify.bulk-results)");
        }
        var request = HttpRequest.newBuilder(url).GET().build();
        try {
            HttpResponse<InputStream> response = files.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new ShopifyUnavailableException(
                        "Bulk result not readable: HTTP " + response.statusCode(),
                        properties.retry().maxInterval(),
                        null);
            }
            return response.body();
        } catch (IOException e) {
            throw new ShopifyUnavailableException(
                    "Bulk result not readable: " + e, properties.retry().maxInterval(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailableException("Interrupted while opening a bulk result", Duration.ZERO, e);
        }
    }

    private JsonNode call(String shopDomain, ShopifyOperation operation, Map<String, ?> variables) {
        if (properties.accessTokens().tokenFor(shopDomain).isEmpty()) {
            throw new BulkQueryRefused("No access token configured for shop " + shopDomain);
        }
        String shop = shopDomain.toLowerCase();
        Supplier<JsonNode> attempt = () -> transport.execute(shop, operation, variables, Deadline.after(CALL_BUDGET));
        try {
            return resilience.call(shop, operation + " for " + shop, attempt);
        } catch (PermanentShopifyFailure e) {
            throw new BulkQueryRefused(e.getMessage());
        }
    }
}
