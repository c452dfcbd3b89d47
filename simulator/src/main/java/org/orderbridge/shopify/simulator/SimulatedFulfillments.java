package org.orderbridge.shopify.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shopify's fulfillment-order model for the simulator's orders: per order, fulfillment orders per location with the
 * remaining quantity of each line, holds, schedules, moves (which close and hide fulfillment orders), refunds and edits
 * (which take unfulfilled quantity away), and the fulfillments made from them; with {@code fulfillmentCreate}'s,
 * {@code fulfillmentTrackingInfoUpdate}'s, {@code fulfillmentCancel}'s, {@code fulfillmentOrderReleaseHold}'s and
 * {@code fulfillmentOrderOpen}'s rules and userErrors. An order's state is made on first use, with every line at
 * {@link #DEFAULT_LOCATION}. The model follows https://shopify.dev/docs/apps/build/orders-fulfillment/order-management-apps/manage-fulfillments
 * and the FulfillmentOrder reference, https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrder.
 */
public final class SimulatedFulfillments {

    public static final String DEFAULT_LOCATION = "gid://shopify/Location/1";

    private final SimulatedStore store;
    private final Map<String, OrderState> orders = new HashMap<>();
    private final Map<String, String> routing = new HashMap<>();
    /** Per fulfillment order, the service's answers Shopify took, in order: what a test counts as effects. */
    private final Map<String, List<String>> answersTaken = new HashMap<>();

    private final AtomicLong ids = new AtomicLong(9_100_000_000L);

    SimulatedFulfillments(SimulatedStore store) {
        this.store = store;
    }

    /** Line item gid of a simulated order's line (0-based), as its webhooks number it too. */
    public static String lineItemGid(SimulatedOrder order, int index) {
        return "gid://shopify/LineItem/" + (order.legacyId() * 10 + index + 1);
    }

    /**
     * Moves {@code quantity} of a line to another location, as a merchant's routing or {@code fulfillmentOrderMove}
     * would. As https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove describes it: a whole
     * fulfillment order moved keeps its id and changes its assigned location; a part moved to a location that already
     * has an active fulfillment order of the order closes that one and recreates its lines, with the moved ones, in a
     * new fulfillment order. A closed one is hidden from {@code displayable: true} reads.
     *
     * @return the payload of the fulfillment_orders/moved webhook Shopify sends for the move
     */
    public synchronized Map<String, Object> assign(
            SimulatedOrder order, int lineIndex, int quantity, String locationGid) {
        OrderState state = state(order);
        String lineGid = lineItemGid(order, lineIndex);
        FulfillmentOrder sourceFo = state.fulfillmentOrders.stream()
                .filter(fo -> fo.active() && !fo.location.equals(locationGid))
                .filter(fo -> fo.lines.stream().anyMatch(l -> l.lineItemGid.equals(lineGid) && l.remaining >= quantity))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("no fulfillment order holds " + quantity + " of " + lineGid));
        FoLine source = sourceFo.lines.stream()
                .filter(l -> l.lineItemGid.equals(lineGid) && l.remaining >= quantity)
                .findFirst()
                .orElseThrow();
        String sourceLocation = sourceFo.location;
        FulfillmentOrder target = moveLines(state, sourceFo, Map.of(source, quantity), locationGid);
        return movedWebhook(sourceFo, sourceLocation, target, Map.of(source, quantity));
    }

    /**
     * The fulfillment_orders/moved payload: the original fulfillment order as it ends, the one now holding the moved
     * items, the locations and the line items asked for (FULFILLMENT_ORDERS_MOVED in
     * https://shopify.dev/docs/api/admin-graphql/latest/enums/WebhookSubscriptionTopic; {@code source_location} since
     * 2023-04, https://shopify.dev/changelog/added-source_location-field-to-fulfillmentordersmove-webhook-payload).
     */
    private static Map<String, Object> movedWebhook(
            FulfillmentOrder original, String sourceLocation, FulfillmentOrder moved, Map<FoLine, Integer> lines) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("original_fulfillment_order", webhookFo(original));
        payload.put("moved_fulfillment_order", webhookFo(moved));
        payload.put("destination_location_id", legacy(moved.location));
        payload.put(
                "fulfillment_order_line_items_requested",
                lines.entrySet().stream()
                        .map(e -> Map.of("id", e.getKey().gid, "quantity", e.getValue()))
                        .toList());
        payload.put("source_location", Map.of("id", sourceLocation));
        return payload;
    }

    private static Map<String, Object> webhookFo(FulfillmentOrder fo) {
        return Map.of(
                "id",
                fo.gid,
                "status",
                fo.status.toLowerCase(java.util.Locale.ROOT),
                "assigned_location_id",
                legacy(fo.location));
    }

    private static long legacy(String gid) {
        return Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
    }

    private FulfillmentOrder moveLines(
            OrderState state, FulfillmentOrder sourceFo, Map<FoLine, Integer> moved, String locationGid) {
        int movedTotal = moved.values().stream().mapToInt(Integer::intValue).sum();
        boolean whole = sourceFo.lines.stream().allMatch(l -> l.remaining == l.total)
                && sourceFo.lines.stream().mapToInt(l -> l.remaining).sum() == movedTotal;
        Optional<FulfillmentOrder> existing = state.fulfillmentOrders.stream()
                .filter(fo -> fo != sourceFo && fo.active() && fo.location.equals(locationGid))
                .findFirst();
        if (whole && existing.isEmpty()) {
            sourceFo.location = locationGid;
            sourceFo.byService = byService(state.order.shop(), locationGid);
            return sourceFo;
        }
        moved.forEach((line, quantity) -> {
            line.remaining -= quantity;
            line.total -= quantity;
        });
        if (sourceFo.lines.stream().allMatch(l -> l.total == 0)) {
            sourceFo.closeHidden();
        } else {
            sourceFo.refreshStatus();
        }
        var target = state.add(new FulfillmentOrder(nextGid("FulfillmentOrder"), locationGid));
        target.byService = byService(state.order.shop(), locationGid);
        existing.ifPresent(old -> {
            old.lines.stream()
                    .filter(l -> l.remaining > 0)
                    .forEach(l -> target.lines.add(
                            new FoLine(nextGid("FulfillmentOrderLineItem"), l.lineItemGid, l.remaining)));
            old.closeHidden();
        });
        moved.forEach((line, quantity) ->
                target.lines.add(new FoLine(nextGid("FulfillmentOrderLineItem"), line.lineItemGid, quantity)));
        return target;
    }

    record MoveOutcome(
            Map<String, Object> moved,
            Map<String, Object> original,
            Map<String, Object> userError,
            Map<String, Object> webhook) {}

    /**
     * {@code fulfillmentOrderMove}: only a fulfillment order whose {@code supportedActions} include MOVE, to another
     * location, with quantities it has unfulfilled (all of them when no lines are named)
     * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove). Every simulated location
     * stocks every item: the simulator's orders do not track stock per location for moves.
     */
    @SuppressWarnings("unchecked")
    synchronized MoveOutcome move(String shop, String gid, String locationGid, List<Map<String, Object>> lines) {
        Optional<Map.Entry<OrderState, FulfillmentOrder>> found = findFulfillmentOrder(shop, gid);
        if (found.isEmpty()) {
            return moveRefused("id", "Fulfillment order does not exist.");
        }
        FulfillmentOrder fo = found.get().getValue();
        if (!fo.supportedActions().contains("MOVE")) {
            return moveRefused("id", "Cannot move a fulfillment order with status " + fo.status.toLowerCase() + ".");
        }
        if (fo.location.equals(locationGid)) {
            return moveRefused("newLocationId", "Fulfillment order is already assigned to this location.");
        }
        var moved = new LinkedHashMap<FoLine, Integer>();
        if (lines == null) {
            fo.lines.stream().filter(l -> l.remaining > 0).forEach(l -> moved.put(l, l.remaining));
        } else {
            for (Map<String, Object> line : lines) {
                Optional<FoLine> foLine = fo.lines.stream()
                        .filter(l -> l.gid.equals(line.get("id")))
                        .findFirst();
                int quantity = ((Number) line.get("quantity")).intValue();
                if (foLine.isEmpty()) {
                    return moveRefused("fulfillmentOrderLineItems", "Fulfillment order line item does not exist.");
                }
                if (quantity <= 0 || quantity > foLine.get().remaining) {
                    return moveRefused(
                            "fulfillmentOrderLineItems", "Invalid fulfillment order line item quantity requested.");
                }
                moved.merge(foLine.get(), quantity, Integer::sum);
            }
        }
        if (moved.isEmpty()) {
            return moveRefused("id", "Fulfillment order has nothing left to move.");
        }
        String sourceLocation = fo.location;
        FulfillmentOrder target = moveLines(found.get().getKey(), fo, moved, locationGid);
        return new MoveOutcome(
                target.asGraphql(), fo.asGraphql(), null, movedWebhook(fo, sourceLocation, target, moved));
    }

    private static MoveOutcome moveRefused(String field, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", List.of(field));
        error.put("message", message);
        return new MoveOutcome(null, null, error, null);
    }

    /**
     * Takes unfulfilled quantity of a line away, as a refund with restock of unfulfilled items or an order edit removing
     * it does: the fulfillment orders' line items shrink, and one left with nothing closes
     * (https://shopify.dev/docs/apps/build/orders-fulfillment/order-management-apps/manage-fulfillments).
     */
    public synchronized void removeUnfulfilled(SimulatedOrder order, int lineIndex, int quantity) {
        String lineGid = lineItemGid(order, lineIndex);
        int left = quantity;
        for (FulfillmentOrder fo : state(order).fulfillmentOrders) {
            for (FoLine line : fo.lines) {
                if (left > 0 && fo.active() && line.lineItemGid.equals(lineGid) && line.remaining > 0) {
                    int take = Math.min(left, line.remaining);
                    line.remaining -= take;
                    line.total -= take;
                    left -= take;
                    fo.refreshStatus();
                }
            }
        }
        if (left > 0) {
            throw new IllegalStateException("Only " + (quantity - left) + " of " + lineGid + " is unfulfilled");
        }
    }

    /**
     * Defers the fulfillment order at this location, as a subscription or pre-order does: SCHEDULED until
     * {@code fulfillAt}, or until {@code fulfillmentOrderOpen}
     * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderOpen).
     */
    public synchronized void schedule(SimulatedOrder order, String locationGid, OffsetDateTime fulfillAt) {
        activeAt(order, locationGid).forEach(fo -> {
            fo.status = "SCHEDULED";
            fo.fulfillAt = fulfillAt;
        });
    }

    /** Releases every hold on the order's fulfillment orders at this location, as the merchant does in the admin. */
    public synchronized void releaseInAdmin(SimulatedOrder order, String locationGid) {
        activeAt(order, locationGid).forEach(fo -> {
            fo.holds.clear();
            fo.status = "OPEN";
            fo.refreshStatus();
        });
    }

    /** The order's fulfillment orders as Shopify holds them, hidden ones included: for tests' assertions. */
    public synchronized List<FulfillmentOrderView> fulfillmentOrderViews(SimulatedOrder order) {
        return state(order).fulfillmentOrders.stream()
                .map(fo -> new FulfillmentOrderView(
                        fo.gid,
                        fo.status,
                        fo.location,
                        fo.displayable,
                        fo.lines.stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        l -> l.lineItemGid, l -> l.remaining, Integer::sum, LinkedHashMap::new))))
                .toList();
    }

    public record FulfillmentOrderView(
            String gid, String status, String location, boolean displayable, Map<String, Integer> remaining) {}

    private List<FulfillmentOrder> activeAt(SimulatedOrder order, String locationGid) {
        return state(order).fulfillmentOrders.stream()
                .filter(fo -> fo.active() && fo.location.equals(locationGid))
                .toList();
    }

    /** Puts the order's fulfillment order at this location on hold, as the merchant or another app would. */
    public synchronized void hold(SimulatedOrder order, String locationGid, String reason) {
        hold(order, locationGid, reason, false);
    }

    /**
     * Puts the order's fulfillment order at this location on hold; {@code byThisApp}: placed with the requesting app's
     * token, so that {@code heldByRequestingApp} reads true
     * (https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentHold).
     */
    public synchronized void hold(SimulatedOrder order, String locationGid, String reason, boolean byThisApp) {
        activeAt(order, locationGid).forEach(fo -> {
            fo.status = "ON_HOLD";
            fo.holds.add(new Hold(nextGid("FulfillmentHold"), reason, byThisApp));
        });
    }

    /** Fulfillments not cancelled, in every shop: for benchmarks' figures. */
    public synchronized long liveFulfillments() {
        return orders.values().stream()
                .flatMap(state -> state.fulfillments.stream())
                .filter(f -> !"CANCELLED".equals(f.status))
                .count();
    }

    /**
     * Fulfillments not cancelled beyond the first for one order, location and tracking number: what a client that
     * created a fulfillment twice leaves behind.
     */
    public synchronized long duplicateFulfillments() {
        var seen = new java.util.HashMap<String, Integer>();
        orders.values()
                .forEach(state -> state.fulfillments.stream()
                        .filter(f -> !"CANCELLED".equals(f.status))
                        .forEach(f -> seen.merge(
                                state.order.gid() + "|" + f.location + "|" + String.join(",", f.trackingNumbers),
                                1,
                                Integer::sum)));
        return seen.values().stream().mapToLong(n -> n - 1).sum();
    }

    public synchronized List<Fulfillment> fulfillments(SimulatedOrder order) {
        return List.copyOf(state(order).fulfillments);
    }

    /** A fulfillment made by hand in the admin: everything left at the location. */
    public synchronized Fulfillment fulfilInAdmin(SimulatedOrder order, String locationGid, String trackingNumber) {
        OrderState state = state(order);
        var fulfillment = new Fulfillment(nextGid("Fulfillment"), order, locationGid);
        fulfillment.trackingNumbers.add(trackingNumber);
        for (FulfillmentOrder fo : state.fulfillmentOrders) {
            if (fo.active() && fo.location.equals(locationGid)) {
                for (FoLine line : fo.lines) {
                    if (line.remaining > 0) {
                        fulfillment.quantities.merge(line.lineItemGid, line.remaining, Integer::sum);
                        line.remaining = 0;
                    }
                }
                fo.refreshStatus();
            }
        }
        state.fulfillments.add(fulfillment);
        return fulfillment;
    }

    /** A person cancels a fulfillment in the admin: the payload of the fulfillments/update webhook Shopify sends. */
    public synchronized Map<String, Object> cancelInAdmin(String shop, String gid) {
        Outcome outcome = cancel(shop, gid);
        if (outcome.userError() != null) {
            throw new IllegalStateException("Shopify refuses the cancellation: " + outcome.userError());
        }
        return outcome.fulfillment().webhookPayload();
    }

    public static final class Fulfillment {
        final String gid;
        final SimulatedOrder order;
        final String location;
        final Map<String, Integer> quantities = new LinkedHashMap<>();
        final List<String> trackingNumbers = new ArrayList<>();
        String company;
        final List<String> urls = new ArrayList<>();
        String status = "SUCCESS";
        final OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime updatedAt = createdAt;

        Fulfillment(String gid, SimulatedOrder order, String location) {
            this.gid = gid;
            this.order = order;
            this.location = location;
        }

        public String gid() {
            return gid;
        }

        public long legacyId() {
            return Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
        }

        public String location() {
            return location;
        }

        public String status() {
            return status;
        }

        public List<String> trackingNumbers() {
            return List.copyOf(trackingNumbers);
        }

        public String company() {
            return company;
        }

        /** Tracking URLs, by position of the tracking number each belongs to. */
        public List<String> urls() {
            return List.copyOf(urls);
        }

        public Map<String, Integer> quantities() {
            return Map.copyOf(quantities);
        }

        Map<String, Object> asGraphql() {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", gid);
            map.put("legacyResourceId", Long.toString(legacyId()));
            map.put("status", status);
            map.put("createdAt", createdAt.toString());
            map.put("location", Map.of("id", location));
            var infos = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < trackingNumbers.size(); i++) {
                var info = new HashMap<String, Object>();
                info.put("number", trackingNumbers.get(i));
                info.put("company", company);
                info.put("url", i < urls.size() ? urls.get(i) : null);
                infos.add(info);
            }
            map.put("trackingInfo", infos);
            map.put(
                    "fulfillmentLineItems",
                    Map.of(
                            "nodes",
                            quantities.entrySet().stream()
                                    .map(e -> Map.of("quantity", e.getValue(), "lineItem", Map.of("id", e.getKey())))
                                    .toList()));
            return map;
        }

        /** The REST shape of Shopify's fulfillments/* webhooks. */
        Map<String, Object> webhookPayload() {
            var payload = new LinkedHashMap<String, Object>();
            payload.put("id", legacyId());
            payload.put("admin_graphql_api_id", gid);
            payload.put("order_id", order.legacyId());
            payload.put("status", status.equals("SUCCESS") ? "success" : "cancelled");
            payload.put("created_at", createdAt.toString());
            payload.put("updated_at", updatedAt.toString());
            payload.put("location_id", Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
            payload.put("tracking_company", company);
            payload.put("tracking_number", trackingNumbers.isEmpty() ? null : trackingNumbers.getFirst());
            payload.put("tracking_numbers", List.copyOf(trackingNumbers));
            payload.put("tracking_url", urls.isEmpty() ? null : urls.getFirst());
            payload.put("tracking_urls", List.copyOf(urls));
            payload.put("shipment_status", null);
            payload.put(
                    "line_items",
                    quantities.entrySet().stream()
                            .map(e -> Map.of(
                                    "id",
                                    Long.parseLong(
                                            e.getKey().substring(e.getKey().lastIndexOf('/') + 1)),
                                    "quantity",
                                    e.getValue()))
                            .toList());
            return payload;
        }
    }

    // ---- GraphQL side ----

    /** {@code displayable: true} leaves out the fulfillment orders closed by a move or merge, as Shopify does. */
    synchronized List<Map<String, Object>> fulfillmentOrders(SimulatedOrder order, boolean displayable) {
        return state(order).fulfillmentOrders.stream()
                .filter(fo -> !displayable || fo.displayable)
                .map(FulfillmentOrder::asGraphql)
                .toList();
    }

    synchronized Optional<Map<String, Object>> fulfillmentOrder(String shop, String gid) {
        return findFulfillmentOrder(shop, gid).map(found -> found.getValue().asGraphql());
    }

    synchronized Optional<Map<String, Object>> fulfillment(String shop, String gid) {
        return findFulfillment(shop, gid).map(Fulfillment::asGraphql);
    }

    synchronized List<Map<String, Object>> fulfillmentsGraphql(SimulatedOrder order) {
        return state(order).fulfillments.stream().map(Fulfillment::asGraphql).toList();
    }

    record FoOutcome(Map<String, Object> fulfillmentOrder, Map<String, Object> userError) {}

    /**
     * {@code fulfillmentOrderReleaseHold}: the holds named (all when none is named) come off; hold ids must belong to the
     * fulfillment order, and one that is not on hold has nothing to release
     * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderReleaseHold).
     */
    synchronized FoOutcome releaseHold(String shop, String gid, List<String> holdIds) {
        Optional<Map.Entry<OrderState, FulfillmentOrder>> found = findFulfillmentOrder(shop, gid);
        if (found.isEmpty()) {
            return foRefused("id", "Fulfillment order does not exist.", "FULFILLMENT_ORDER_NOT_FOUND");
        }
        FulfillmentOrder fo = found.get().getValue();
        if (!fo.status.equals("ON_HOLD")) {
            return foRefused("id", "The fulfillment order is not on hold.", null);
        }
        if (holdIds != null && holdIds.stream().anyMatch(id -> fo.holds.stream().noneMatch(h -> h.id.equals(id)))) {
            return foRefused("holdIds", "Fulfillment hold does not belong to the fulfillment order.", null);
        }
        fo.holds.removeIf(h -> holdIds == null || holdIds.contains(h.id));
        if (fo.holds.isEmpty()) {
            fo.status = "OPEN";
            fo.refreshStatus();
        }
        return new FoOutcome(fo.asGraphql(), null);
    }

    /**
     * {@code fulfillmentOrderOpen}: a SCHEDULED fulfillment order becomes OPEN; any other state is refused
     * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderOpen).
     */
    synchronized FoOutcome open(String shop, String gid) {
        Optional<Map.Entry<OrderState, FulfillmentOrder>> found = findFulfillmentOrder(shop, gid);
        if (found.isEmpty()) {
            return foRefused("id", "Fulfillment order does not exist.", null);
        }
        FulfillmentOrder fo = found.get().getValue();
        if (!fo.status.equals("SCHEDULED")) {
            return foRefused("id", "Fulfillment order cannot be marked as open.", null);
        }
        fo.status = "OPEN";
        fo.fulfillAt = null;
        fo.refreshStatus();
        return new FoOutcome(fo.asGraphql(), null);
    }

    private static FoOutcome foRefused(String field, String message, String code) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", List.of(field));
        error.put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        return new FoOutcome(null, error);
    }

    // ---- Fulfillment requests, as a fulfillment service app sees them ----

    /**
     * The merchant requests fulfillment of an open fulfillment order assigned to the app's fulfillment service, as
     * {@code fulfillmentOrderSubmitFulfillmentRequest} or the admin's "Request fulfillment" does
     * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitFulfillmentRequest): its request
     * status becomes SUBMITTED, and Shopify tells the service with fulfillment_orders/fulfillment_request_submitted, whose
     * payload names the original and the submitted fulfillment order and the merchant's request
     * (FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED, https://shopify.dev/docs/api/admin-graphql/latest/enums/WebhookSubscriptionTopic).
     *
     * @return the webhook's payload
     * @throws IllegalStateException where Shopify refuses the request
     */
    public synchronized Map<String, Object> submitFulfillmentRequest(String shop, String gid, String message) {
        return submitFulfillmentRequest(shop, gid, message, Map.of());
    }

    /**
     * A partial request: only {@code quantities} (per line index of the order) are requested. As the mutation's page
     * says, "Shopify splits the original fulfillment order into two: one with the submitted items and another with the
     * remaining unsubmitted items"; its payload's {@code submittedFulfillmentOrder} differs from the original for a
     * partial request and {@code unsubmittedFulfillmentOrder} "will represent the new fulfillment order with the
     * remaining line items". Modelled as the original closed and both parts new, so that a service that kept the
     * original's id instead of the submitted one's is caught. An empty map requests everything.
     */
    public synchronized Map<String, Object> submitFulfillmentRequest(
            String shop, String gid, String message, Map<Integer, Integer> quantities) {
        FulfillmentOrder fo = serviceFulfillmentOrder(shop, gid);
        if (!fo.supportedActions().contains("REQUEST_FULFILLMENT")) {
            throw new IllegalStateException("Fulfillment order " + gid + " cannot be requested for fulfillment (status "
                    + fo.status.toLowerCase(java.util.Locale.ROOT) + ", request status "
                    + fo.requestStatus.toLowerCase(java.util.Locale.ROOT) + ").");
        }
        Map<String, Object> original = requestView(fo);
        FulfillmentOrder submitted = fo;
        FulfillmentOrder unsubmitted = null;
        if (!quantities.isEmpty()) {
            OrderState state = findFulfillmentOrder(shop, gid).orElseThrow().getKey();
            Map<String, Integer> requested = requestedLines(state.order, fo, quantities);
            if (requested.values().stream().mapToInt(Integer::intValue).sum()
                    < fo.lines.stream().mapToInt(l -> l.remaining).sum()) {
                submitted = splitOff(state, fo, requested, true);
                unsubmitted = splitOff(state, fo, requested, false);
                fo.closeHidden();
            }
        }
        submitted.requestStatus = "SUBMITTED";
        var payload = new LinkedHashMap<String, Object>();
        payload.put("original_fulfillment_order", original);
        payload.put("submitted_fulfillment_order", requestView(submitted));
        payload.put("unsubmitted_fulfillment_order", unsubmitted == null ? null : requestView(unsubmitted));
        payload.put("fulfillment_order_merchant_request", merchantRequest(message, Map.of("notify_customer", false)));
        return payload;
    }

    /** Per fulfillment order line gid, how much of it the partial request asks for; refused beyond what remains. */
    private static Map<String, Integer> requestedLines(
            SimulatedOrder order, FulfillmentOrder fo, Map<Integer, Integer> quantities) {
        var requested = new LinkedHashMap<String, Integer>();
        quantities.forEach((lineIndex, quantity) -> {
            if (lineIndex < 0 || lineIndex >= order.lineItems().size()) {
                throw new IllegalStateException("The order has no line " + lineIndex + ".");
            }
            String lineItemGid = lineItemGid(order, lineIndex);
            FoLine line = fo.lines.stream()
                    .filter(l -> l.lineItemGid.equals(lineItemGid))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "Fulfillment order " + fo.gid + " has no line item " + lineItemGid + "."));
            if (quantity <= 0 || quantity > line.remaining) {
                throw new IllegalStateException("Requested quantity " + quantity + " of " + lineItemGid
                        + " is not between 1 and the " + line.remaining + " that remain.");
            }
            requested.put(line.gid, quantity);
        });
        return requested;
    }

    /** A new fulfillment order at the same location holding the requested part of {@code fo}, or the rest of it. */
    private FulfillmentOrder splitOff(
            OrderState state, FulfillmentOrder fo, Map<String, Integer> requested, boolean requestedPart) {
        var part = state.add(new FulfillmentOrder(nextGid("FulfillmentOrder"), fo.location));
        part.byService = true;
        for (FoLine line : fo.lines) {
            int asked = requested.getOrDefault(line.gid, 0);
            int quantity = requestedPart ? asked : line.remaining - asked;
            if (quantity > 0) {
                part.lines.add(new FoLine(nextGid("FulfillmentOrderLineItem"), line.lineItemGid, quantity));
            }
        }
        return part;
    }

    /**
     * The merchant asks the service to cancel an accepted fulfillment request
     * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitCancellationRequest): request
     * status CANCELLATION_REQUESTED, announced with fulfillment_orders/cancellation_request_submitted
     * (FULFILLMENT_ORDERS_CANCELLATION_REQUEST_SUBMITTED: "after that request was approved by a 3PL").
     *
     * @return the webhook's payload
     * @throws IllegalStateException where Shopify refuses the request
     */
    public synchronized Map<String, Object> submitCancellationRequest(String shop, String gid, String message) {
        FulfillmentOrder fo = serviceFulfillmentOrder(shop, gid);
        if (!fo.supportedActions().contains("REQUEST_CANCELLATION")) {
            throw new IllegalStateException("Fulfillment order " + gid + " cannot be requested for cancellation"
                    + " (request status " + fo.requestStatus.toLowerCase(java.util.Locale.ROOT) + ").");
        }
        fo.requestStatus = "CANCELLATION_REQUESTED";
        var payload = new LinkedHashMap<String, Object>();
        payload.put("fulfillment_order", requestView(fo));
        payload.put("fulfillment_order_merchant_request", merchantRequest(message, Map.of()));
        return payload;
    }

    private FulfillmentOrder serviceFulfillmentOrder(String shop, String gid) {
        FulfillmentOrder fo = findFulfillmentOrder(shop, gid)
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("Fulfillment order " + gid + " does not exist."));
        if (!fo.byService) {
            throw new IllegalStateException("Fulfillment order " + gid + " is not assigned to a fulfillment service.");
        }
        return fo;
    }

    private Map<String, Object> merchantRequest(String message, Map<String, Object> options) {
        var request = new LinkedHashMap<String, Object>();
        request.put("id", nextGid("FulfillmentOrderMerchantRequest"));
        request.put("message", message);
        request.put("request_options", options);
        return request;
    }

    private static Map<String, Object> requestView(FulfillmentOrder fo) {
        return Map.of(
                "id",
                fo.gid,
                "status",
                fo.status.toLowerCase(java.util.Locale.ROOT),
                "request_status",
                fo.requestStatus.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The service's answers: {@code fulfillmentOrderAcceptFulfillmentRequest} and {@code ...RejectFulfillmentRequest}
     * take a SUBMITTED request (accepted: IN_PROGRESS; rejected: the fulfillment order stays OPEN for the merchant to
     * move), {@code fulfillmentOrderAcceptCancellationRequest} and {@code ...RejectCancellationRequest} a
     * CANCELLATION_REQUESTED one (accepted: the fulfillment order is cancelled and what was not fulfilled goes back to an
     * unsubmitted one at the location; rejected: it stays in progress). Anything else, an answer repeated or
     * contradicting an earlier one among it, is refused
     * (https://shopify.dev/docs/apps/build/orders-fulfillment/fulfillment-service-apps/build-for-fulfillment-services,
     * https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderAcceptFulfillmentRequest,
     * https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderAcceptCancellationRequest).
     */
    synchronized FoOutcome answer(String shop, String gid, String answer) {
        Optional<Map.Entry<OrderState, FulfillmentOrder>> found = findFulfillmentOrder(shop, gid);
        if (found.isEmpty() || !found.get().getValue().byService) {
            // Another app's or the merchant's fulfillment orders are invisible to a fulfillment service's token.
            return foRefused("id", "Fulfillment order does not exist.", null);
        }
        FulfillmentOrder fo = found.get().getValue();
        boolean cancellation = answer.endsWith("Cancellation");
        String expected = cancellation ? "CANCELLATION_REQUESTED" : "SUBMITTED";
        if (!fo.requestStatus.equals(expected) || !fo.active()) {
            return foRefused(
                    "id",
                    cancellation
                            ? "Fulfillment order has no pending cancellation request."
                            : "Fulfillment order has no submitted fulfillment request.",
                    null);
        }
        switch (answer) {
            case "acceptFulfillment" -> {
                fo.requestStatus = "ACCEPTED";
                fo.status = "IN_PROGRESS";
            }
            case "rejectFulfillment" -> fo.requestStatus = "REJECTED";
            case "acceptCancellation" -> {
                fo.requestStatus = "CANCELLATION_ACCEPTED";
                fo.status = "CANCELLED";
                OrderState state = found.get().getKey();
                if (fo.lines.stream().anyMatch(l -> l.remaining > 0)) {
                    var replacement = state.add(new FulfillmentOrder(nextGid("FulfillmentOrder"), fo.location));
                    replacement.byService = true;
                    fo.lines.stream()
                            .filter(l -> l.remaining > 0)
                            .forEach(l -> replacement.lines.add(
                                    new FoLine(nextGid("FulfillmentOrderLineItem"), l.lineItemGid, l.remaining)));
                }
            }
            case "rejectCancellation" -> fo.requestStatus = "CANCELLATION_REJECTED";
            default -> throw new IllegalArgumentException(answer);
        }
        answersTaken.computeIfAbsent(gid, k -> new ArrayList<>()).add(answer);
        return new FoOutcome(fo.asGraphql(), null);
    }

    /** The answers to the fulfillment order's requests that Shopify took (refused ones are not listed). */
    public synchronized List<String> answersTaken(String fulfillmentOrderGid) {
        return List.copyOf(answersTaken.getOrDefault(fulfillmentOrderGid, List.of()));
    }

    /**
     * {@code assignedFulfillmentOrders}: the fulfillment orders assigned to the app's services' locations (those named
     * in {@code locationIds}, if any), by assignment status
     * (https://shopify.dev/docs/api/admin-graphql/latest/queries/assignedFulfillmentOrders,
     * https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAssignmentStatus).
     */
    synchronized List<Map<String, Object>> assigned(String shop, String assignmentStatus, List<String> locationIds) {
        var found = new ArrayList<Map<String, Object>>();
        for (SimulatedOrder order : store.orders(shop)) {
            for (FulfillmentOrder fo : state(order).fulfillmentOrders) {
                if (fo.byService
                        && fo.displayable
                        && (locationIds == null || locationIds.contains(fo.location))
                        && (assignmentStatus == null || assignmentStatus.equals(assignment(fo)))) {
                    found.add(fo.asGraphql());
                }
            }
        }
        return found;
    }

    private static String assignment(FulfillmentOrder fo) {
        if (!fo.active()) {
            return null;
        }
        return switch (fo.requestStatus) {
            case "UNSUBMITTED" -> "FULFILLMENT_UNSUBMITTED";
            case "SUBMITTED" -> "FULFILLMENT_REQUESTED";
            case "ACCEPTED", "CANCELLATION_REJECTED" -> fo.status.equals("CLOSED") ? null : "FULFILLMENT_ACCEPTED";
            case "CANCELLATION_REQUESTED" -> "CANCELLATION_REQUESTED";
            default -> null;
        };
    }

    record Outcome(Fulfillment fulfillment, Map<String, Object> userError) {}

    @SuppressWarnings("unchecked")
    synchronized Outcome create(String shop, Map<String, Object> input) {
        List<Map<String, Object>> byOrder = (List<Map<String, Object>>) input.get("lineItemsByFulfillmentOrder");
        if (byOrder == null || byOrder.isEmpty()) {
            return refused("fulfillment.lineItemsByFulfillmentOrder", "Line items by fulfillment order can't be blank");
        }
        OrderState orderState = null;
        var planned = new ArrayList<Map.Entry<FoLine, Integer>>();
        var touched = new ArrayList<FulfillmentOrder>();
        String location = null;
        for (Map<String, Object> entry : byOrder) {
            String foGid = (String) entry.get("fulfillmentOrderId");
            Optional<Map.Entry<OrderState, FulfillmentOrder>> found = findFulfillmentOrder(shop, foGid);
            if (found.isEmpty()) {
                return refused("fulfillment.lineItemsByFulfillmentOrder", "Fulfillment order does not exist.");
            }
            FulfillmentOrder fo = found.get().getValue();
            if (orderState != null && orderState != found.get().getKey()) {
                return refused("fulfillment", "All fulfillment orders must belong to the same order.");
            }
            orderState = found.get().getKey();
            if (location != null && !location.equals(fo.location)) {
                return refused("fulfillment", "All fulfillment orders must be assigned to the same location.");
            }
            location = fo.location;
            if (fo.byService && !fo.acceptedByService()) {
                // Only an accepted fulfillment request lets the service fulfil (FulfillmentOrderAssignmentStatus
                // FULFILLMENT_ACCEPTED,
                // https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAssignmentStatus).
                return refused(
                        "fulfillment",
                        "Fulfillment order " + foGid + " has a request status of "
                                + fo.requestStatus.toLowerCase(java.util.Locale.ROOT)
                                + "; the fulfillment service must accept its fulfillment request first.");
            }
            if (!fo.status.equals("OPEN") && !fo.status.equals("IN_PROGRESS")) {
                return refused(
                        "fulfillment",
                        "Fulfillment order " + foGid + " has an unfulfillable status= " + fo.status.toLowerCase()
                                + ".");
            }
            touched.add(fo);
            List<Map<String, Object>> lines = (List<Map<String, Object>>) entry.get("fulfillmentOrderLineItems");
            if (lines == null) {
                fo.lines.stream().filter(l -> l.remaining > 0).forEach(l -> planned.add(Map.entry(l, l.remaining)));
                continue;
            }
            for (Map<String, Object> line : lines) {
                String lineGid = (String) line.get("id");
                int quantity = ((Number) line.get("quantity")).intValue();
                Optional<FoLine> foLine =
                        fo.lines.stream().filter(l -> l.gid.equals(lineGid)).findFirst();
                if (foLine.isEmpty()) {
                    return refused("fulfillment", "Fulfillment order line item does not exist.");
                }
                if (quantity <= 0 || quantity > foLine.get().remaining) {
                    return refused("fulfillment", "Invalid fulfillment order line item quantity requested.");
                }
                planned.add(Map.entry(foLine.get(), quantity));
            }
        }
        if (planned.isEmpty()) {
            return refused("fulfillment", "Nothing to fulfil.");
        }
        String breach = trackingContractBreach((Map<String, Object>) input.get("trackingInfo"));
        if (breach != null) {
            return refused("fulfillment.trackingInfo", breach);
        }
        var fulfillment = new Fulfillment(nextGid("Fulfillment"), orderState.order, location);
        for (var line : planned) {
            line.getKey().remaining -= line.getValue();
            fulfillment.quantities.merge(line.getKey().lineItemGid, line.getValue(), Integer::sum);
        }
        touched.forEach(FulfillmentOrder::refreshStatus);
        Map<String, Object> tracking = (Map<String, Object>) input.get("trackingInfo");
        applyTracking(fulfillment, tracking);
        orderState.fulfillments.add(fulfillment);
        return new Outcome(fulfillment, null);
    }

    @SuppressWarnings("unchecked")
    synchronized Outcome updateTracking(String shop, String gid, Map<String, Object> tracking) {
        Optional<Fulfillment> found = findFulfillment(shop, gid);
        if (found.isEmpty()) {
            return refused("fulfillmentId", "Fulfillment does not exist.");
        }
        if (found.get().status.equals("CANCELLED")) {
            return refused("fulfillmentId", "Cannot update tracking of a cancelled fulfillment.");
        }
        String breach = trackingContractBreach(tracking);
        if (breach != null) {
            return refused("trackingInfoInput", breach);
        }
        found.get().trackingNumbers.clear();
        applyTracking(found.get(), tracking);
        found.get().updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return new Outcome(found.get(), null);
    }

    synchronized Outcome cancel(String shop, String gid) {
        Optional<Fulfillment> found = findFulfillment(shop, gid);
        if (found.isEmpty()) {
            return refused("id", "Fulfillment does not exist.");
        }
        Fulfillment fulfillment = found.get();
        if (fulfillment.status.equals("CANCELLED")) {
            return refused("id", "Fulfillment is already cancelled.");
        }
        fulfillment.status = "CANCELLED";
        fulfillment.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        OrderState state = state(fulfillment.order);
        // The quantities go back to an open fulfillment order at the fulfillment's location.
        fulfillment.quantities.forEach((lineGid, quantity) -> {
            for (FulfillmentOrder fo : state.fulfillmentOrders) {
                if (fo.displayable && fo.location.equals(fulfillment.location)) {
                    for (FoLine line : fo.lines) {
                        if (line.lineItemGid.equals(lineGid) && quantity > 0) {
                            line.remaining += quantity;
                            fo.refreshStatus();
                            return;
                        }
                    }
                }
            }
        });
        return new Outcome(fulfillment, null);
    }

    /**
     * FulfillmentTrackingInput's contract: {@code number} with {@code url}, or {@code numbers} with {@code urls} paired
     * by position, never both forms of one
     * (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/FulfillmentTrackingInput).
     */
    static String trackingContractBreach(Map<String, Object> tracking) {
        if (tracking == null) {
            return null;
        }
        if (tracking.get("number") != null && tracking.get("numbers") != null) {
            return "Provide either number or numbers, not both.";
        }
        if (tracking.get("url") != null && tracking.get("urls") != null) {
            return "Provide either url or urls, not both.";
        }
        if (tracking.get("url") != null && tracking.get("number") == null) {
            return "A tracking url needs a tracking number.";
        }
        if (tracking.get("urls") != null && tracking.get("numbers") == null) {
            return "Tracking urls need tracking numbers.";
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void applyTracking(Fulfillment fulfillment, Map<String, Object> tracking) {
        if (tracking == null) {
            return;
        }
        if (tracking.get("number") != null) {
            fulfillment.trackingNumbers.add((String) tracking.get("number"));
        }
        if (tracking.get("numbers") != null) {
            fulfillment.trackingNumbers.addAll((List<String>) tracking.get("numbers"));
        }
        fulfillment.company = (String) tracking.get("company");
        fulfillment.urls.clear();
        if (tracking.get("url") != null) {
            fulfillment.urls.add(tracking.get("url").toString());
        }
        if (tracking.get("urls") != null) {
            ((List<?>) tracking.get("urls")).forEach(u -> fulfillment.urls.add(u.toString()));
        }
    }

    private Optional<Map.Entry<OrderState, FulfillmentOrder>> findFulfillmentOrder(String shop, String gid) {
        for (SimulatedOrder order : store.orders(shop)) {
            OrderState state = state(order);
            for (FulfillmentOrder fo : state.fulfillmentOrders) {
                if (fo.gid.equals(gid)) {
                    return Optional.of(Map.entry(state, fo));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Fulfillment> findFulfillment(String shop, String gid) {
        return store.orders(shop).stream()
                .flatMap(order -> state(order).fulfillments.stream())
                .filter(f -> f.gid.equals(gid))
                .findFirst();
    }

    private static Outcome refused(String field, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", List.of(field.split("\\.")));
        error.put("message", message);
        return new Outcome(null, error);
    }

    private String nextGid(String type) {
        return "gid://shopify/" + type + "/" + ids.incrementAndGet();
    }

    /**
     * The merchant stocks the shop's products at this location only (a fulfillment service's, say), so that Shopify's
     * order routing assigns new orders' fulfillment orders there
     * (https://help.shopify.com/en/manual/fulfillment/setup/order-routing); null goes back to {@link #DEFAULT_LOCATION}.
     */
    public synchronized void routeNewOrdersTo(String shop, String locationGid) {
        if (locationGid == null) {
            routing.remove(shop.toLowerCase(java.util.Locale.ROOT));
        } else {
            routing.put(shop.toLowerCase(java.util.Locale.ROOT), locationGid);
        }
    }

    private boolean byService(String shop, String locationGid) {
        return store.fulfillmentServices().isServiceLocation(shop, locationGid);
    }

    private OrderState state(SimulatedOrder order) {
        return orders.computeIfAbsent(order.gid(), gid -> {
            var state = new OrderState(order);
            String location = routing.getOrDefault(order.shop().toLowerCase(java.util.Locale.ROOT), DEFAULT_LOCATION);
            var fo = state.add(new FulfillmentOrder(nextGid("FulfillmentOrder"), location));
            fo.byService = byService(order.shop(), location);
            List<Map<String, Object>> lines = order.lineItems();
            for (int i = 0; i < lines.size(); i++) {
                fo.lines.add(new FoLine(
                        nextGid("FulfillmentOrderLineItem"),
                        lineItemGid(order, i),
                        ((Number) lines.get(i).get("quantity")).intValue()));
            }
            return state;
        });
    }

    private static final class OrderState {
        final SimulatedOrder order;
        final List<FulfillmentOrder> fulfillmentOrders = new ArrayList<>();
        final List<Fulfillment> fulfillments = new ArrayList<>();

        OrderState(SimulatedOrder order) {
            this.order = order;
        }

        FulfillmentOrder add(FulfillmentOrder fo) {
            fo.orderGid = order.gid();
            fulfillmentOrders.add(fo);
            return fo;
        }
    }

    private record Hold(String id, String notes, boolean byThisApp) {}

    private static final class FulfillmentOrder {
        final String gid;
        String location;
        final List<FoLine> lines = new ArrayList<>();
        final List<Hold> holds = new ArrayList<>();
        String status = "OPEN";
        OffsetDateTime fulfillAt;
        boolean displayable = true;
        String orderGid;
        /** Assigned to a location of one of the app's fulfillment services: worked through fulfillment requests. */
        boolean byService;
        /** https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderRequestStatus */
        String requestStatus = "UNSUBMITTED";

        FulfillmentOrder(String gid, String location) {
            this.gid = gid;
            this.location = location;
        }

        /** Open to work on: neither closed nor cancelled (a hold or schedule only defers it). */
        boolean active() {
            return !status.equals("CLOSED") && !status.equals("CANCELLED");
        }

        /** Closed by a move or merge: Shopify hides it from {@code displayable: true}. */
        void closeHidden() {
            status = "CLOSED";
            displayable = false;
        }

        void refreshStatus() {
            if (status.equals("ON_HOLD") || status.equals("SCHEDULED") || !displayable) {
                return;
            }
            int remaining = lines.stream().mapToInt(l -> l.remaining).sum();
            int total = lines.stream().mapToInt(l -> l.total).sum();
            // A fulfillment service's accepted fulfillment order is in progress until fulfilled, whatever is shipped.
            boolean accepted = byService && acceptedByService();
            status = remaining == 0 ? "CLOSED" : remaining == total && !accepted ? "OPEN" : "IN_PROGRESS";
        }

        /** Whether the app's fulfillment service said it would fulfil it, so that it may create fulfillments. */
        boolean acceptedByService() {
            return requestStatus.equals("ACCEPTED")
                    || requestStatus.equals("CANCELLATION_REQUESTED")
                    || requestStatus.equals("CANCELLATION_REJECTED");
        }

        /**
         * What the fulfillment order supports in its state, per
         * https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAction: work and moves while open,
         * releasing while on hold, opening while scheduled, nothing once closed.
         */
        List<String> supportedActions() {
            if (byService) {
                return serviceActions();
            }
            return switch (status) {
                case "OPEN", "IN_PROGRESS" -> List.of("CREATE_FULFILLMENT", "HOLD", "MOVE", "SPLIT");
                case "ON_HOLD" -> List.of("RELEASE_HOLD", "HOLD", "MOVE");
                case "SCHEDULED" -> List.of("MARK_AS_OPEN", "MOVE");
                default -> List.of();
            };
        }

        /**
         * A fulfillment service's fulfillment order is worked through requests
         * (https://shopify.dev/docs/apps/build/orders-fulfillment/fulfillment-service-apps/build-for-fulfillment-services
         * and https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAction): the merchant requests
         * fulfillment of an open one, the service creates fulfillments only once it accepted the request, and the merchant
         * may request cancellation of an accepted one.
         */
        private List<String> serviceActions() {
            if (!active() || status.equals("CLOSED")) {
                return List.of();
            }
            if (status.equals("ON_HOLD")) {
                return List.of("RELEASE_HOLD", "HOLD", "MOVE");
            }
            return switch (requestStatus) {
                case "UNSUBMITTED", "REJECTED" -> List.of("REQUEST_FULFILLMENT", "HOLD", "MOVE");
                case "SUBMITTED" -> List.of("CANCEL_FULFILLMENT_ORDER");
                case "ACCEPTED", "CANCELLATION_REJECTED" -> List.of("CREATE_FULFILLMENT", "REQUEST_CANCELLATION");
                case "CANCELLATION_REQUESTED" -> List.of("CREATE_FULFILLMENT");
                default -> List.of();
            };
        }

        Map<String, Object> asGraphql() {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", gid);
            map.put("orderId", orderGid);
            map.put("status", status);
            map.put("requestStatus", requestStatus);
            map.put("fulfillAt", fulfillAt == null ? null : fulfillAt.toString());
            map.put(
                    "supportedActions",
                    supportedActions().stream().map(a -> Map.of("action", a)).toList());
            map.put(
                    "assignedLocation",
                    Map.of("location", Map.of("id", location), "name", "Warehouse", "countryCode", "GB"));
            map.put(
                    "fulfillmentHolds",
                    holds.stream()
                            .map(h -> Map.of(
                                    "id", h.id(),
                                    "reason", "OTHER",
                                    "reasonNotes", h.notes(),
                                    "displayReason", "Other",
                                    "heldByRequestingApp", h.byThisApp()))
                            .toList());
            map.put(
                    "lineItems",
                    Map.of(
                            "nodes",
                            lines.stream()
                                    .map(l -> Map.of(
                                            "id", l.gid,
                                            "remainingQuantity", l.remaining,
                                            "totalQuantity", l.total,
                                            "lineItem", Map.of("id", l.lineItemGid)))
                                    .toList()));
            return map;
        }
    }

    private static final class FoLine {
        final String gid;
        final String lineItemGid;
        int total;
        int remaining;

        FoLine(String gid, String lineItemGid, int quantity) {
            this.gid = gid;
            this.lineItemGid = lineItemGid;
            this.total = quantity;
            this.remaining = quantity;
        }
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
