package org.orderbridge.shopify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads an order's {@link FulfillmentState} through every page: line items, displayable fulfillment orders and their
 * line items, and (when the caller needs them) fulfillments with the line items of ours. The first read carries the
 * first page of each, so that an ordinary order takes one request.
 */
final class FulfillmentStateReader {

    private final AdminGraphqlTransport transport;
    private final Supplier<Deadline> deadline;

    FulfillmentStateReader(AdminGraphqlTransport transport, Supplier<Deadline> deadline) {
        this.transport = transport;
        this.deadline = deadline;
    }

    FulfillmentState read(String shop, String orderGid) {
        JsonNode order = order(shop, ShopifyOperation.FIND_FULFILLMENT_STATE, orderGid, null);
        var lines = new ArrayList<>(FulfillmentState.readLines(order.path("lineItems")));
        JsonNode lineItems = order.path("lineItems");
        while (FulfillmentState.hasMore(lineItems)) {
            lineItems = order(shop, ShopifyOperation.ORDER_LINE_ITEMS_PAGE, orderGid, cursor(lineItems))
                    .path("lineItems");
            lines.addAll(FulfillmentState.readLines(lineItems));
        }
        var fulfillmentOrders = new ArrayList<FulfillmentState.FulfillmentOrder>();
        JsonNode page = order.path("fulfillmentOrders");
        while (true) {
            for (JsonNode node : page.path("nodes")) {
                fulfillmentOrders.add(completeLines(shop, node));
            }
            if (!FulfillmentState.hasMore(page)) {
                break;
            }
            page = order(shop, ShopifyOperation.FULFILLMENT_ORDERS_PAGE, orderGid, cursor(page))
                    .path("fulfillmentOrders");
        }
        return new FulfillmentState(List.copyOf(lines), List.copyOf(fulfillmentOrders), List.of());
    }

    /**
     * The order's fulfillments; those carrying one of {@code trackingNumbers} (ours) with their line items.
     *
     * @throws PermanentShopifyFailure when the order has more fulfillments than one read returns: an earlier create of
     *     ours could hide behind them, and reading again returns the same
     */
    FulfillmentState withFulfillments(
            String shop, String orderGid, FulfillmentState state, List<String> trackingNumbers) {
        JsonNode list =
                order(shop, ShopifyOperation.FIND_FULFILLMENTS, orderGid, null).path("fulfillments");
        if (list.size() >= FulfillmentState.MAX_FULFILLMENTS) {
            throw new PermanentShopifyFailure("OrderBridge cannot fulfil Shopify order " + orderGid + ": it has "
                    + FulfillmentState.MAX_FULFILLMENTS
                    + " or more fulfillments (the most Shopify returns in one read)");
        }
        var fulfillments = new ArrayList<FulfillmentState.Fulfillment>();
        for (JsonNode node : list) {
            FulfillmentState.Fulfillment f = FulfillmentState.readFulfillment(node);
            boolean ours = f.trackingNumbers().stream().anyMatch(trackingNumbers::contains);
            fulfillments.add(ours ? f.withQuantities(fulfillmentLines(shop, f.gid())) : f);
        }
        return state.withFulfillments(fulfillments);
    }

    private FulfillmentState.FulfillmentOrder completeLines(String shop, JsonNode node) {
        FulfillmentState.FulfillmentOrder fo = FulfillmentState.readFulfillmentOrder(node);
        JsonNode lineItems = node.path("lineItems");
        while (FulfillmentState.hasMore(lineItems)) {
            lineItems = node(
                            shop,
                            ShopifyOperation.FULFILLMENT_ORDER_LINES_PAGE,
                            fo.gid(),
                            cursor(lineItems),
                            "fulfillmentOrder")
                    .path("lineItems");
            fo = fo.withLines(FulfillmentState.readFoLines(lineItems));
        }
        return fo;
    }

    private Map<String, Integer> fulfillmentLines(String shop, String fulfillmentGid) {
        var quantities = new LinkedHashMap<String, Integer>();
        String after = null;
        do {
            JsonNode lineItems = node(
                            shop, ShopifyOperation.FULFILLMENT_LINES_PAGE, fulfillmentGid, after, "fulfillment")
                    .path("fulfillmentLineItems");
            FulfillmentState.readFulfillmentLines(lineItems)
                    .forEach((line, q) -> quantities.merge(line, q, Integer::sum));
            after = FulfillmentState.hasMore(lineItems) ? cursor(lineItems) : null;
        } while (after != null);
        return quantities;
    }

    private JsonNode order(String shop, ShopifyOperation operation, String orderGid, @Nullable String after) {
        return node(shop, operation, orderGid, after, "order");
    }

    private JsonNode node(String shop, ShopifyOperation operation, String gid, @Nullable String after, String field) {
        var variables = new HashMap<String, Object>();
        variables.put("id", gid);
        if (operation != ShopifyOperation.FIND_FULFILLMENT_STATE && operation != ShopifyOperation.FIND_FULFILLMENTS) {
            variables.put("after", after);
        }
        JsonNode node =
                transport.execute(shop, operation, variables, deadline.get()).path(field);
        if (!node.isObject()) {
            throw new PermanentShopifyFailure("Shopify has no " + field + " " + gid);
        }
        return node;
    }

    private static String cursor(JsonNode connection) {
        String cursor = FulfillmentState.endCursor(connection);
        if (cursor == null) {
            // A next page without a cursor to reach it: reading on would loop, and reading again returns the same.
            throw new PermanentShopifyFailure("Shopify's page says more follow but gives no endCursor");
        }
        return cursor;
    }
}
