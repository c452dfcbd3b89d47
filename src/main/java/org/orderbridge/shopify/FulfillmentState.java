package org.orderbridge.shopify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What Shopify holds for one order, as far as fulfilling it goes: its line items, its displayable fulfillment orders
 * (per location, with what remains of each line, holds and schedules) and, when asked for, its fulfillments; and the
 * plan that maps a shipment onto it. Everything is read through to the last page, so there is no limit but Shopify's.
 */
record FulfillmentState(
        List<OrderLine> lines, List<FulfillmentOrder> fulfillmentOrders, List<Fulfillment> fulfillments) {

    /** Line items of the order in the first read, beside its first fulfillment orders. */
    static final int FIRST_LINE_ITEMS = 100;

    static final int FIRST_FULFILLMENT_ORDERS = 3;

    /** Fulfillment orders per further page: 4 x 207 points. */
    static final int FULFILLMENT_ORDERS_PAGE = 4;

    /** Line items read with each fulfillment order; more come in pages of {@link #LINE_ITEMS_PAGE}. */
    static final int FO_LINE_ITEMS = 100;

    static final int LINE_ITEMS_PAGE = 250;

    /** Fulfillments read of the order: a list without page info, so a full one may have more behind it. */
    static final int MAX_FULFILLMENTS = 250;

    static final String FULFILLMENT_ORDER_FRAGMENT = """
            fragment FulfillmentOrderFields on FulfillmentOrder {
              id
              status
              requestStatus
              fulfillAt
              supportedActions { action }
              assignedLocation { location { id } }
              fulfillmentHolds { id reason reasonNotes heldByRequestingApp }
              lineItems(first: %d) {
                pageInfo { hasNextPage endCursor }
                nodes { id remainingQuantity totalQuantity lineItem { id } }
              }
            }
            """.formatted(FO_LINE_ITEMS);

    record OrderLine(String gid, @Nullable String sku, int quantity) {}

    record Hold(String id, String reason, @Nullable String notes, boolean byThisApp) {

        String describe() {
            return reason + (notes == null ? "" : " (" + notes + ")");
        }
    }

    record FulfillmentOrder(
            String gid,
            String status,
            String requestStatus,
            @Nullable String locationGid,
            @Nullable String fulfillAt,
            List<Hold> holds,
            Set<String> supportedActions,
            List<FoLine> lines) {

        boolean fulfillable() {
            return (status.equals("OPEN") || status.equals("IN_PROGRESS"))
                    && (supportedActions.isEmpty() || supportedActions.contains("CREATE_FULFILLMENT"));
        }

        /** On hold or scheduled: fulfillable once the hold is released or the date comes (or it is opened). */
        boolean deferred() {
            return status.equals("ON_HOLD") || status.equals("SCHEDULED");
        }

        /**
         * Open but without CREATE_FULFILLMENT because it is a fulfillment service's and its request was not accepted
         * (https://shopify.dev/docs/apps/build/orders-fulfillment/fulfillment-service-apps/build-for-fulfillment-services):
         * requested, rejected or in a cancellation, or still to be requested (REQUEST_FULFILLMENT is offered only on a
         * fulfillment service's fulfillment orders,
         * https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAction). A merchant's fulfillment
         * order without the action is not blamed on a request.
         */
        boolean awaitsAcceptedRequest() {
            return !fulfillable()
                    && (status.equals("OPEN") || status.equals("IN_PROGRESS"))
                    && (!requestStatus.equals("UNSUBMITTED") || supportedActions.contains("REQUEST_FULFILLMENT"));
        }

        /** Why its items cannot ship, as the shortfall problem names it. */
        String whyBlocked() {
            return gid + " is " + status
                    + (awaitsAcceptedRequest()
                            ? " with its fulfillment request " + requestStatus
                                    + " (a fulfillment service ships only what it accepted)"
                            : "");
        }

        String whyDeferred() {
            return "fulfillment order " + gid + (locationGid == null ? "" : " at " + locationGid) + " is " + status
                    + (holds.isEmpty()
                            ? ""
                            : ": "
                                    + String.join(
                                            ", ",
                                            holds.stream().map(Hold::describe).toList()))
                    + (status.equals("SCHEDULED") && fulfillAt != null ? " until " + fulfillAt : "");
        }

        FulfillmentOrder withLines(List<FoLine> more) {
            var all = new ArrayList<>(lines);
            all.addAll(more);
            return new FulfillmentOrder(
                    gid, status, requestStatus, locationGid, fulfillAt, holds, supportedActions, List.copyOf(all));
        }
    }

    record FoLine(String gid, String lineItemGid, int remaining) {}

    record Fulfillment(
            String gid,
            long legacyId,
            String status,
            @Nullable String locationGid,
            Set<String> trackingNumbers,
            Map<String, Integer> quantities) {

        Fulfillment withQuantities(Map<String, Integer> read) {
            return new Fulfillment(gid, legacyId, status, locationGid, trackingNumbers, Map.copyOf(read));
        }
    }

    /** One {@code fulfillmentCreate}: the fulfillment orders of one location and how much of each of their lines. */
    record LocationCreate(@Nullable String locationGid, Map<String, Map<String, Integer>> byFulfillmentOrder) {

        /** Per order line item gid, how much the create fulfils. */
        Map<String, Integer> quantities(FulfillmentState state) {
            var byLine = new LinkedHashMap<String, Integer>();
            byFulfillmentOrder.forEach((foGid, lines) ->
                    lines.forEach((foLineGid, quantity) -> state.fulfillmentOrders.stream()
                            .flatMap(fo -> fo.lines().stream())
                            .filter(l -> l.gid().equals(foLineGid))
                            .findFirst()
                            .ifPresent(l -> byLine.merge(l.lineItemGid(), quantity, Integer::sum))));
            return byLine;
        }
    }

    sealed interface Plan {
        record Create(List<LocationCreate> creates) implements Plan {}

        /** Enough remains, but (some of) it is on hold or scheduled; nothing is created until it all can be. */
        record Wait(String reason) implements Plan {}

        /** Items must first be moved to the location the shipment left from: per fulfillment order, its lines. */
        record Move(String locationGid, Map<String, Map<String, Integer>> byFulfillmentOrder) implements Plan {}

        record Refuse(String reason) implements Plan {}
    }

    /** Holds of this app to release and scheduled fulfillment orders to open, so that the lines can ship. */
    record Release(Map<String, List<String>> holdsByFulfillmentOrder, List<String> toOpen, List<String> notOurs) {}

    static List<OrderLine> readLines(JsonNode connection) {
        var lines = new ArrayList<OrderLine>();
        connection
                .path("nodes")
                .forEach(n -> lines.add(new OrderLine(
                        n.path("id").asString(),
                        text(n.path("sku")),
                        n.path("quantity").asInt())));
        return lines;
    }

    static FulfillmentOrder readFulfillmentOrder(JsonNode n) {
        var holds = new ArrayList<Hold>();
        n.path("fulfillmentHolds")
                .forEach(h -> holds.add(new Hold(
                        h.path("id").asString(),
                        h.path("reason").asString(),
                        text(h.path("reasonNotes")),
                        h.path("heldByRequestingApp").asBoolean(false))));
        var actions = new HashSet<String>();
        n.path("supportedActions").forEach(a -> actions.add(a.path("action").asString()));
        return new FulfillmentOrder(
                n.path("id").asString(),
                n.path("status").asString(),
                n.path("requestStatus").asString("UNSUBMITTED"),
                text(n.path("assignedLocation").path("location").path("id")),
                text(n.path("fulfillAt")),
                List.copyOf(holds),
                Set.copyOf(actions),
                readFoLines(n.path("lineItems")));
    }

    static List<FoLine> readFoLines(JsonNode connection) {
        var lines = new ArrayList<FoLine>();
        connection
                .path("nodes")
                .forEach(l -> lines.add(new FoLine(
                        l.path("id").asString(),
                        l.path("lineItem").path("id").asString(),
                        l.path("remainingQuantity").asInt())));
        return lines;
    }

    /** A fulfillment without its line items (read separately, only for ours). */
    static Fulfillment readFulfillment(JsonNode f) {
        var numbers = new HashSet<String>();
        f.path("trackingInfo").forEach(t -> {
            if (t.path("number").isString()) {
                numbers.add(t.path("number").asString());
            }
        });
        return new Fulfillment(
                f.path("id").asString(),
                Long.parseLong(f.path("legacyResourceId").asString()),
                f.path("status").asString(),
                text(f.path("location").path("id")),
                Set.copyOf(numbers),
                Map.of());
    }

    static Map<String, Integer> readFulfillmentLines(JsonNode connection) {
        var quantities = new LinkedHashMap<String, Integer>();
        connection
                .path("nodes")
                .forEach(l -> quantities.merge(
                        l.path("lineItem").path("id").asString(),
                        l.path("quantity").asInt(),
                        Integer::sum));
        return quantities;
    }

    static boolean hasMore(JsonNode connection) {
        return connection.path("pageInfo").path("hasNextPage").asBoolean(false);
    }

    static @Nullable String endCursor(JsonNode connection) {
        return text(connection.path("pageInfo").path("endCursor"));
    }

    FulfillmentState withFulfillments(List<Fulfillment> read) {
        return new FulfillmentState(lines, fulfillmentOrders, List.copyOf(read));
    }

    /**
     * The shipment's lines as Shopify line item gids with quantities; a shipment without items is everything Shopify
     * says remains of the order (on hold and scheduled included, so that it waits for them rather than leaving them out).
     *
     * @throws IllegalArgumentException naming the lines Shopify's order does not have
     */
    Map<String, Integer> resolve(List<ShopifyFulfillments.Item> items) {
        if (items.isEmpty()) {
            var left = new LinkedHashMap<>(left());
            left.values().removeIf(quantity -> quantity <= 0);
            return left;
        }
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

    /**
     * Per line item gid (every line of the order, in its order), what Shopify says remains to fulfil: the remaining
     * quantities of its fulfillment orders that are open, in progress, on hold or scheduled. A fulfillment made by hand,
     * a refund, a removal or an edit has already changed them.
     */
    Map<String, Integer> left() {
        var left = new LinkedHashMap<String, Integer>();
        lines.forEach(l -> left.put(l.gid(), 0));
        for (FulfillmentOrder fo : fulfillmentOrders) {
            if (fo.fulfillable() || fo.deferred()) {
                fo.lines().forEach(l -> left.merge(l.lineItemGid(), l.remaining(), Integer::sum));
            }
        }
        return left;
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
     * nothing, so that a shipment Shopify cannot take as a whole creates nothing. When what is missing is held or
     * scheduled, the shipment waits; when Shopify has too little left at all, it is refused.
     */
    Plan plan(Map<String, Integer> toFulfil) {
        var byLocation = new LinkedHashMap<String, Map<String, Map<String, Integer>>>();
        var shortfalls = new ArrayList<String>();
        var waits = new LinkedHashMap<String, String>();
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
            waitOrShortfall(lineGid, entry.getValue(), need, waits, shortfalls);
        }
        if (!shortfalls.isEmpty()) {
            return new Plan.Refuse(String.join("; ", shortfalls));
        }
        if (!waits.isEmpty()) {
            return new Plan.Wait("Waiting in Shopify: " + String.join("; ", waits.values()));
        }
        return new Plan.Create(byLocation.entrySet().stream()
                .map(e -> new LocationCreate(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))
                .toList());
    }

    /**
     * Like {@link #plan}, for a shipment that left from {@code locationGid}: it is fulfilled from that location's
     * fulfillment orders only; what lies in fulfillable fulfillment orders elsewhere is to be moved there first where
     * their {@code supportedActions} allow MOVE, and refused, naming the items and locations, where they do not.
     */
    Plan planAt(Map<String, Integer> toFulfil, String locationGid) {
        var here = new LinkedHashMap<String, Map<String, Integer>>();
        var moves = new LinkedHashMap<String, Map<String, Integer>>();
        var unmovable = new ArrayList<String>();
        var shortfalls = new ArrayList<String>();
        var waits = new LinkedHashMap<String, String>();
        for (var entry : toFulfil.entrySet()) {
            String lineGid = entry.getKey();
            int need = entry.getValue();
            for (boolean atLocation : new boolean[] {true, false}) {
                for (FulfillmentOrder fo : fulfillmentOrders) {
                    if (need == 0 || !fo.fulfillable() || atLocation != Objects.equals(fo.locationGid(), locationGid)) {
                        continue;
                    }
                    for (FoLine line : fo.lines()) {
                        if (need > 0 && line.lineItemGid().equals(lineGid) && line.remaining() > 0) {
                            int take = Math.min(need, line.remaining());
                            need -= take;
                            if (atLocation) {
                                here.computeIfAbsent(fo.gid(), k -> new LinkedHashMap<>())
                                        .merge(line.gid(), take, Integer::sum);
                            } else if (fo.supportedActions().contains("MOVE")) {
                                moves.computeIfAbsent(fo.gid(), k -> new LinkedHashMap<>())
                                        .merge(line.gid(), take, Integer::sum);
                            } else {
                                unmovable.add(take + " of " + name(lineGid) + " at " + fo.locationGid()
                                        + " (fulfillment order " + fo.gid() + " is " + fo.status()
                                        + " and cannot be moved)");
                            }
                        }
                    }
                }
            }
            waitOrShortfall(lineGid, entry.getValue(), need, waits, shortfalls);
        }
        if (!unmovable.isEmpty()) {
            return new Plan.Refuse("Cannot ship from " + locationGid + ": " + String.join("; ", unmovable));
        }
        if (!shortfalls.isEmpty()) {
            return new Plan.Refuse(String.join("; ", shortfalls));
        }
        if (!waits.isEmpty()) {
            return new Plan.Wait("Waiting in Shopify: " + String.join("; ", waits.values()));
        }
        if (!moves.isEmpty()) {
            return new Plan.Move(locationGid, moves);
        }
        return new Plan.Create(List.of(new LocationCreate(locationGid, here)));
    }

    /**
     * What lets the lines ship: this app's holds on their fulfillment orders released, their scheduled ones opened.
     * Holds placed by the merchant or another app are named, never released.
     */
    Release release(Set<String> lineGids) {
        var holds = new LinkedHashMap<String, List<String>>();
        var toOpen = new ArrayList<String>();
        var notOurs = new ArrayList<String>();
        for (FulfillmentOrder fo : fulfillmentOrders) {
            boolean holdsLines =
                    fo.lines().stream().anyMatch(l -> l.remaining() > 0 && lineGids.contains(l.lineItemGid()));
            if (!holdsLines || !fo.deferred()) {
                continue;
            }
            if (fo.status().equals("SCHEDULED")) {
                toOpen.add(fo.gid());
                continue;
            }
            var ours = fo.holds().stream().filter(Hold::byThisApp).map(Hold::id).toList();
            if (!ours.isEmpty()) {
                holds.put(fo.gid(), ours);
            }
            fo.holds().stream()
                    .filter(h -> !h.byThisApp())
                    .forEach(h -> notOurs.add("fulfillment order " + fo.gid() + " is held by the merchant or another"
                            + " app: " + h.describe()));
        }
        return new Release(holds, toOpen, notOurs);
    }

    /**
     * What a line still needs once the fulfillable fulfillment orders are taken: waited for when it is held or
     * scheduled, else a shortfall.
     */
    private void waitOrShortfall(
            String lineGid, int wanted, int need, Map<String, String> waits, List<String> shortfalls) {
        if (need == 0) {
            return;
        }
        List<FulfillmentOrder> deferred = deferredHolding(lineGid);
        int deferredQuantity = deferred.stream()
                .flatMap(fo -> fo.lines().stream())
                .filter(l -> l.lineItemGid().equals(lineGid))
                .mapToInt(FoLine::remaining)
                .sum();
        if (deferredQuantity >= need) {
            deferred.forEach(fo -> waits.putIfAbsent(fo.gid(), fo.whyDeferred()));
        } else {
            shortfalls.add(shortfall(lineGid, wanted, need - deferredQuantity));
        }
    }

    private List<FulfillmentOrder> deferredHolding(String lineGid) {
        return fulfillmentOrders.stream()
                .filter(FulfillmentOrder::deferred)
                .filter(fo -> fo.lines().stream().anyMatch(l -> l.lineItemGid().equals(lineGid) && l.remaining() > 0))
                .toList();
    }

    /** The line's SKU, else its gid: how a person recognises it. */
    private String name(String lineGid) {
        return lines.stream()
                .filter(l -> l.gid().equals(lineGid))
                .map(OrderLine::sku)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(lineGid);
    }

    private String shortfall(String lineGid, int wanted, int missing) {
        String sku = name(lineGid);
        List<String> blocked = fulfillmentOrders.stream()
                .filter(fo -> !fo.fulfillable() && !fo.deferred())
                .filter(fo -> fo.lines().stream().anyMatch(l -> l.lineItemGid().equals(lineGid) && l.remaining() > 0))
                .map(FulfillmentOrder::whyBlocked)
                .toList();
        return sku + ": " + missing + " of " + wanted + " cannot be fulfilled"
                + (blocked.isEmpty()
                        ? ", nothing more remains to fulfil in Shopify"
                        : ", fulfillment order " + String.join(", ", blocked));
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
