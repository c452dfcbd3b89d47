package org.orderbridge.shopify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What Shopify holds for one order, as far as fulfilling it goes: its line items, its fulfillment orders (one per
 * location, with what remains of each line) and its fulfillments; and the plan that maps a shipment onto it.
 */
record FulfillmentState(
        List<OrderLine> lines,
        List<FulfillmentOrder> fulfillmentOrders,
        List<Fulfillment> fulfillments,
        List<String> beyondLimits) {

    // One query reads it all, and Shopify refuses a query requesting more than 1,000 points, nested connections
    // multiplied: 1 + (2 + 40) + (2 + 5 x (6 + 2 x 40)) + (2 + 10 x (5 + 2 x 20)) = 927.
    /** Line items read of the order and of each fulfillment order. */
    static final int MAX_LINE_ITEMS = 40;

    static final int MAX_FULFILLMENT_ORDERS = 5;

    /** Fulfillments read of the order; a list without page info, so a full page may have more behind it. */
    static final int MAX_FULFILLMENTS = 10;

    static final int MAX_LINES_PER_FULFILLMENT = 20;

    record OrderLine(String gid, @Nullable String sku, int quantity) {}

    record FulfillmentOrder(
            String gid, String status, @Nullable String locationGid, List<String> holds, List<FoLine> lines) {

        boolean fulfillable() {
            return status.equals("OPEN") || status.equals("IN_PROGRESS");
        }
    }

    record FoLine(String gid, String lineItemGid, int remaining) {}

    record Fulfillment(
            String gid,
            long legacyId,
            String status,
            @Nullable String locationGid,
            Set<String> trackingNumbers,
            Map<String, Integer> quantities) {}

    /** One {@code fulfillmentCreate}: the fulfillment orders of one location and how much of each of their lines. */
    record LocationCreate(@Nullable String locationGid, Map<String, Map<String, Integer>> byFulfillmentOrder) {}

    sealed interface Plan {
        record Create(List<LocationCreate> creates) implements Plan {}

        record Refuse(String reason) implements Plan {}
    }

    static FulfillmentState read(JsonNode order) {
        var beyond = new ArrayList<String>();
        if (hasMore(order.path("lineItems"))) {
            beyond.add("more than " + MAX_LINE_ITEMS + " line items");
        }
        if (hasMore(order.path("fulfillmentOrders"))) {
            beyond.add("more than " + MAX_FULFILLMENT_ORDERS + " fulfillment orders");
        }
        var lines = new ArrayList<OrderLine>();
        order.path("lineItems")
                .path("nodes")
                .forEach(n -> lines.add(new OrderLine(
                        n.path("id").asString(),
                        text(n.path("sku")),
                        n.path("quantity").asInt())));
        var fos = new ArrayList<FulfillmentOrder>();
        order.path("fulfillmentOrders").path("nodes").forEach(n -> {
            if (hasMore(n.path("lineItems"))) {
                beyond.add("more than " + MAX_LINE_ITEMS + " line items in fulfillment order "
                        + n.path("id").asString());
            }
            var foLines = new ArrayList<FoLine>();
            n.path("lineItems")
                    .path("nodes")
                    .forEach(l -> foLines.add(new FoLine(
                            l.path("id").asString(),
                            l.path("lineItem").path("id").asString(),
                            l.path("remainingQuantity").asInt())));
            var holds = new ArrayList<String>();
            n.path("fulfillmentHolds")
                    .forEach(h -> holds.add(h.path("reason").asString()
                            + (h.path("reasonNotes").isString()
                                    ? " (" + h.path("reasonNotes").asString() + ")"
                                    : "")));
            fos.add(new FulfillmentOrder(
                    n.path("id").asString(),
                    n.path("status").asString(),
                    text(n.path("assignedLocation").path("location").path("id")),
                    holds,
                    foLines));
        });
        var fulfillments = new ArrayList<Fulfillment>();
        if (order.path("fulfillments").size() >= MAX_FULFILLMENTS) {
            beyond.add(MAX_FULFILLMENTS + " or more fulfillments");
        }
        order.path("fulfillments").forEach(f -> {
            if (hasMore(f.path("fulfillmentLineItems"))) {
                beyond.add("more than " + MAX_LINES_PER_FULFILLMENT + " line items in fulfillment "
                        + f.path("id").asString());
            }
            var numbers = new java.util.HashSet<String>();
            f.path("trackingInfo").forEach(t -> {
                if (t.path("number").isString()) {
                    numbers.add(t.path("number").asString());
                }
            });
            var quantities = new LinkedHashMap<String, Integer>();
            f.path("fulfillmentLineItems")
                    .path("nodes")
                    .forEach(l -> quantities.merge(
                            l.path("lineItem").path("id").asString(),
                            l.path("quantity").asInt(),
                            Integer::sum));
            fulfillments.add(new Fulfillment(
                    f.path("id").asString(),
                    Long.parseLong(f.path("legacyResourceId").asString()),
                    f.path("status").asString(),
                    text(f.path("location").path("id")),
                    numbers,
                    quantities));
        });
        return new FulfillmentState(lines, fos, fulfillments, beyond);
    }

    private static boolean hasMore(JsonNode connection) {
        return connection.path("pageInfo").path("hasNextPage").asBoolean(false);
    }

    /**
     * The shipment's lines as Shopify line item gids with quantities.
     *
     * @throws IllegalArgumentException naming the lines Shopify's order does not have
     */
    Map<String, Integer> resolve(List<ShopifyFulfillments.Item> items) {
        var wanted = new LinkedHashMap<String, Integer>();
        var unknown = new ArrayList<String>();
        for (ShopifyFulfillments.Item item : items) {
            String gid = null;
            if (item.shopifyLineItemId() != null) {
                String candidate = "gid://shopify/LineItem/" + item.shopifyLineItemId();
                gid = lines.stream().anyMatch(l -> l.gid().equals(candidate)) ? candidate : null;
            } else if (item.position() < lines.size()) {
                OrderLine line = lines.get(item.position());
                // A position only identifies the line while Shopify's order still lists the same product there.
                gid = item.sku() == null || Objects.equals(item.sku(), line.sku()) ? line.gid() : null;
            }
            if (gid == null) {
                unknown.add("line " + (item.position() + 1) + (item.sku() == null ? "" : " (" + item.sku() + ")"));
            } else {
                wanted.merge(gid, item.quantity(), Integer::sum);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Shopify's order has no " + String.join(", ", unknown));
        }
        return wanted;
    }

    /** Fulfillments, not cancelled, that carry one of these tracking numbers: what an earlier create of ours made. */
    List<Fulfillment> ours(List<String> trackingNumbers) {
        return fulfillments.stream()
                .filter(f -> !f.status().equals("CANCELLED")
                        && !f.status().equals("ERROR")
                        && !f.status().equals("FAILURE"))
                .filter(f -> f.trackingNumbers().stream().anyMatch(trackingNumbers::contains))
                .toList();
    }

    /**
     * Maps what is still to fulfil onto the fulfillment orders' remaining quantities, grouped by location; all or
     * nothing, so that a shipment Shopify cannot take as a whole creates nothing.
     */
    Plan plan(Map<String, Integer> toFulfil) {
        var byLocation = new LinkedHashMap<String, Map<String, Map<String, Integer>>>();
        var shortfalls = new ArrayList<String>();
        for (var entry : toFulfil.entrySet()) {
            String lineGid = entry.getKey();
            int need = entry.getValue();
            for (FulfillmentOrder fo : fulfillmentOrders) {
                if (need == 0 || !fo.fulfillable()) {
                    continue;
                }
                for (FoLine line : fo.lines()) {
                    if (need > 0 && line.lineItemGid().equals(lineGid) && line.remaining() > 0) {
                        int take = Math.min(need, line.remaining());
                        need -= take;
                        byLocation
                                .computeIfAbsent(Objects.toString(fo.locationGid(), ""), k -> new LinkedHashMap<>())
                                .computeIfAbsent(fo.gid(), k -> new LinkedHashMap<>())
                                .merge(line.gid(), take, Integer::sum);
                    }
                }
            }
            if (need > 0) {
                shortfalls.add(shortfall(lineGid, entry.getValue(), need));
            }
        }
        if (!shortfalls.isEmpty()) {
            return new Plan.Refuse(String.join("; ", shortfalls));
        }
        return new Plan.Create(byLocation.entrySet().stream()
                .map(e -> new LocationCreate(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))
                .toList());
    }

    private String shortfall(String lineGid, int wanted, int missing) {
        String sku = lines.stream()
                .filter(l -> l.gid().equals(lineGid))
                .map(OrderLine::sku)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(lineGid);
        List<String> blocked = fulfillmentOrders.stream()
                .filter(fo -> !fo.fulfillable())
                .filter(fo -> fo.lines().stream().anyMatch(l -> l.lineItemGid().equals(lineGid) && l.remaining() > 0))
                .map(fo -> fo.gid() + " is " + fo.status()
                        + (fo.holds().isEmpty() ? "" : " (" + String.join(", ", fo.holds()) + ")"))
                .collect(Collectors.toList());
        return sku + ": " + missing + " of " + wanted + " cannot be fulfilled"
                + (blocked.isEmpty()
                        ? ", nothing more remains to fulfil in Shopify"
                        : ", fulfillment order " + String.join(", ", blocked));
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
