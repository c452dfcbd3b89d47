package org.orderbridge.shopify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads orders page by page; a read changes nothing in Shopify, so every failure may simply be retried. */
final class ShopifyOrderReader implements ShopifyOrderFeed {

    /** Lines per order within a page: 10 orders of 20 lines stay below Shopify's 1,000 points per query. */
    static final int LINES_PER_PAGED_ORDER = 20;

    private static final Duration REQUEST_BUDGET = Duration.ofSeconds(30);

    private final ShopifyProperties properties;
    private final AdminGraphqlTransport transport;
    private final ShopifyResilience resilience;

    ShopifyOrderReader(ShopifyProperties properties, AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.properties = properties;
        this.transport = transport;
        this.resilience = resilience;
    }

    @Override
    public OrderPage ordersUpdatedBetween(
            String shopDomain, Instant since, @Nullable Instant until, @Nullable String after, int first) {
        String shop = shopDomain.toLowerCase();
        String query = "updated_at:>='" + since.truncatedTo(ChronoUnit.SECONDS) + "'";
        if (until != null) {
            Instant whole = until.truncatedTo(ChronoUnit.SECONDS);
            query += " AND updated_at:<='" + (whole.equals(until) ? whole : whole.plusSeconds(1)) + "'";
        }
        var variables = new LinkedHashMap<String, Object>();
        variables.put("query", query);
        variables.put("first", first);
        variables.put("after", after);
        variables.put("lines", LINES_PER_PAGED_ORDER);
        JsonNode orders = guarded(
                        shop,
                        () -> transport.execute(
                                shop, ShopifyOperation.ORDERS_UPDATED_SINCE, variables, Deadline.after(REQUEST_BUDGET)))
                .path("orders");
        var nodes = new ArrayList<JsonNode>();
        orders.path("nodes").forEach(nodes::add);
        JsonNode pageInfo = orders.path("pageInfo");
        String endCursor = pageInfo.path("endCursor").isString()
                ? pageInfo.path("endCursor").asString()
                : null;
        return new OrderPage(nodes, endCursor, pageInfo.path("hasNextPage").asBoolean(false) && endCursor != null);
    }

    @Override
    public Set<String> shops() {
        return properties.accessTokens().byShop().keySet();
    }

    @Override
    public Optional<JsonNode> order(String shopDomain, String orderGid) {
        String shop = shopDomain.toLowerCase();
        JsonNode order = guarded(
                        shop,
                        () -> transport.execute(
                                shop,
                                ShopifyOperation.ORDER_SNAPSHOT,
                                Map.of("id", orderGid, "lines", MAX_LINE_ITEMS),
                                Deadline.after(REQUEST_BUDGET)))
                .path("order");
        return order.isObject() ? Optional.of(order) : Optional.empty();
    }

    private JsonNode guarded(String shop, Supplier<JsonNode> call) {
        try {
            return resilience.call(shop, "Reading orders of " + shop, call);
        } catch (PermanentShopifyFailure e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
