package org.orderbridge.shopify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The SKU search against the Admin API, under the shop's cost budget, retries and circuit breaker. */
final class ShopifyVariantLookup implements VariantLookup {

    private final AdminGraphqlTransport transport;
    private final ShopifyResilience resilience;

    ShopifyVariantLookup(AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.transport = transport;
        this.resilience = resilience;
    }

    @Override
    public Page find(String shop, List<String> skus, int first, Deadline deadline) {
        Map<String, Object> variables = variables(skus, first);
        JsonNode connection = resilience
                .call(
                        shop,
                        "Resolving " + skus.size() + " SKUs in " + shop,
                        () -> transport.execute(shop, ShopifyOperation.FIND_VARIANTS_BY_SKU, variables, deadline))
                .path("productVariants");
        var variants = new ArrayList<Variant>();
        for (JsonNode node : connection.path("nodes")) {
            variants.add(new Variant(
                    node.path("sku").isString() ? node.path("sku").asString() : null,
                    Long.parseLong(node.path("legacyResourceId").asString()),
                    Long.parseLong(node.path("product").path("legacyResourceId").asString())));
        }
        return new Page(
                variants, connection.path("pageInfo").path("hasNextPage").asBoolean(false));
    }

    static Map<String, Object> variables(List<String> skus, int first) {
        return Map.of("query", SkuSearch.query(skus), "first", first);
    }
}
