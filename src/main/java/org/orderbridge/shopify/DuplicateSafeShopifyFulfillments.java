package org.orderbridge.shopify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Creates fulfillments so that Shopify never holds two for one shipment and location. {@code fulfillmentCreate} has no
 * idempotency key, so the caller journals every create before it is sent, and whenever one may have been sent (the
 * journal says so, or an attempt's outcome was not seen, or Shopify refused a create) the order's fulfillments are read
 * again and what already carries the shipment's tracking number is subtracted before anything else is created.
 */
final class DuplicateSafeShopifyFulfillments implements ShopifyFulfillments {

    private static final java.time.Duration REQUEST_BUDGET = java.time.Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(DuplicateSafeShopifyFulfillments.class);

    private final ShopifyProperties properties;
    private final AdminGraphqlTransport transport;
    private final ShopifyResilience resilience;
    private final FulfillmentStateReader reader;

    DuplicateSafeShopifyFulfillments(
            ShopifyProperties properties, AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.properties = properties;
        this.transport = transport;
        this.resilience = resilience;
        this.reader = new FulfillmentStateReader(transport, DuplicateSafeShopifyFulfillments::requestDeadline);
    }

    @Override
    public FulfillmentOutcome fulfil(FulfillmentRequest request, CreateJournal journal) {
        if (request.tracking().numbers().isEmpty()) {
            // The tracking number is how an earlier create is recognised; without it no create may be repeated safely.
            return new FulfillmentOutcome.Refused("A shipment needs a tracking number", List.of(), List.of());
        }
        var attempt = new Attempt(request.shopDomain().toLowerCase(), request, journal);
        return guarded(attempt.shop, attempt::run, e -> new FulfillmentOutcome.Refused(e, List.of(), List.of()));
    }

    @Override
    public @Nullable String updateTracking(
            String shopDomain, List<String> fulfillmentGids, Tracking tracking, boolean notify) {
        String shop = shopDomain.toLowerCase();
        return guarded(
                shop,
                () -> {
                    // Setting tracking is idempotent, so every fulfillment is simply (re)sent on each attempt.
                    for (String gid : fulfillmentGids) {
                        var variables = new LinkedHashMap<String, Object>();
                        variables.put("fulfillmentId", gid);
                        variables.put("trackingInfoInput", trackingInput(tracking));
                        variables.put("notifyCustomer", notify);
                        JsonNode payload = transport
                                .execute(
                                        shop,
                                        ShopifyOperation.UPDATE_FULFILLMENT_TRACKING,
                                        variables,
                                        requestDeadline())
                                .path("fulfillmentTrackingInfoUpdate");
                        if (!payload.path("userErrors").isEmpty()) {
                            return UserErrors.describe(payload.path("userErrors"));
                        }
                    }
                    return null;
                },
                e -> e);
    }

    @Override
    public @Nullable String cancel(String shopDomain, String orderGid, List<String> fulfillmentGids) {
        String shop = shopDomain.toLowerCase();
        return guarded(
                shop,
                () -> {
                    // Read first: a cancel whose answer was lost (or a person's) leaves the fulfillment cancelled, and
                    // a second fulfillmentCancel would only be refused.
                    FulfillmentState state = reader.withFulfillments(
                            shop, orderGid, new FulfillmentState(List.of(), List.of(), List.of()), List.of());
                    for (String gid : fulfillmentGids) {
                        boolean cancelled = state.fulfillments().stream()
                                .anyMatch(f -> f.gid().equals(gid) && f.status().equals("CANCELLED"));
                        if (cancelled) {
                            continue;
                        }
                        JsonNode payload = transport
                                .execute(
                                        shop, ShopifyOperation.CANCEL_FULFILLMENT, Map.of("id", gid), requestDeadline())
                                .path("fulfillmentCancel");
                        if (!payload.path("userErrors").isEmpty()) {
                            return UserErrors.describe(payload.path("userErrors"));
                        }
                    }
                    return null;
                },
                e -> e);
    }

    /**
     * Each request with its retries' waits stays well inside the push queue's visibility timeout; the shipment's
     * lease bounds the push as a whole.
     */
    private static Deadline requestDeadline() {
        return Deadline.after(REQUEST_BUDGET);
    }

    @Override
    public List<LineLeft> left(String shopDomain, String orderGid) {
        String shop = shopDomain.toLowerCase();
        return guarded(shop, () -> left(reader.read(shop, orderGid), Map.of()), e -> List.of());
    }

    @Override
    public @Nullable String release(String shopDomain, String orderGid, List<Item> items) {
        String shop = shopDomain.toLowerCase();
        // Set once a release or open went out: its answer may have been lost, and the retry reads it as done.
        var sent = new java.util.concurrent.atomic.AtomicBoolean();
        return guarded(
                shop,
                () -> {
                    FulfillmentState state = reader.read(shop, orderGid);
                    Map<String, Integer> wanted;
                    try {
                        wanted = state.resolve(items);
                    } catch (IllegalArgumentException e) {
                        return Objects.requireNonNull(e.getMessage());
                    }
                    FulfillmentState.Release release = state.release(wanted.keySet());
                    if (!release.notOurs().isEmpty()) {
                        // Only the one who placed a hold knows when it may come off; releasing theirs would ship what
                        // they stopped.
                        return String.join("; ", release.notOurs());
                    }
                    if (release.holdsByFulfillmentOrder().isEmpty()
                            && release.toOpen().isEmpty()) {
                        return sent.get() ? null : "Nothing of the shipment is on hold or scheduled in Shopify";
                    }
                    sent.set(true);
                    // Releasing a hold or opening an order twice is refused as "not on hold"/"not scheduled", which
                    // the next read shows as done; so a retried call re-reads first, as this one did.
                    for (var entry : release.holdsByFulfillmentOrder().entrySet()) {
                        String refusal = mutate(
                                shop,
                                ShopifyOperation.RELEASE_FULFILLMENT_HOLD,
                                Map.of("id", entry.getKey(), "holdIds", entry.getValue()),
                                "fulfillmentOrderReleaseHold");
                        if (refusal != null) {
                            return refusal;
                        }
                    }
                    for (String gid : release.toOpen()) {
                        String refusal = mutate(
                                shop,
                                ShopifyOperation.OPEN_FULFILLMENT_ORDER,
                                Map.of("id", gid),
                                "fulfillmentOrderOpen");
                        if (refusal != null) {
                            return refusal;
                        }
                    }
                    return null;
                },
                e -> e);
    }

    private @Nullable String mutate(String shop, ShopifyOperation operation, Map<String, ?> variables, String field) {
        JsonNode payload =
                transport.execute(shop, operation, variables, requestDeadline()).path(field);
        return payload.path("userErrors").isEmpty() ? null : UserErrors.describe(payload.path("userErrors"));
    }

    /** Budget, retries and the shop's breaker, as for orders; a permanent failure becomes the caller's refusal. */
    private <T> T guarded(String shop, Supplier<T> call, java.util.function.Function<String, T> refusal) {
        if (properties.accessTokens().tokenFor(shop).isEmpty()) {
            return refusal.apply("No access token configured for shop " + shop);
        }
        try {
            return resilience.call(shop, "Fulfillment call for " + shop, call);
        } catch (PermanentShopifyFailure e) {
            log.warn("Shopify refused a fulfillment call for {}: {}", shop, e.getMessage());
            return refusal.apply(e.getMessage());
        }
    }

    /**
     * FulfillmentTrackingInput's contract: one number goes as {@code number} with {@code url}; several as
     * {@code numbers} with {@code urls} paired by position, so the shipment's URL is given for each of them. The carrier
     * goes under Shopify's name for it where Shopify knows it ({@link TrackingCompanies}).
     */
    static Map<String, Object> trackingInput(Tracking tracking) {
        var input = new LinkedHashMap<String, Object>();
        if (tracking.numbers().size() == 1) {
            input.put("number", tracking.numbers().getFirst());
            if (tracking.url() != null) {
                input.put("url", tracking.url());
            }
        } else {
            input.put("numbers", tracking.numbers());
            if (tracking.url() != null) {
                input.put(
                        "urls",
                        tracking.numbers().stream().map(n -> tracking.url()).toList());
            }
        }
        if (tracking.company() != null) {
            input.put("company", TrackingCompanies.shopifyName(tracking.company()));
        }
        return input;
    }

    /** One {@code fulfil} call; retried as a whole, so each attempt starts from what Shopify holds now. */
    private final class Attempt {

        private final String shop;
        private final FulfillmentRequest request;
        private final CreateJournal journal;
        private boolean mayExist;
        // Fixed by the first journalled create: a retry ships what the first attempt meant, not what is left after it.
        private List<Item> items;
        private boolean moved;

        Attempt(String shop, FulfillmentRequest request, CreateJournal journal) {
            this.shop = shop;
            this.request = request;
            this.journal = journal;
            this.mayExist = request.createMayHaveBeenSent();
            this.items = request.items();
        }

        FulfillmentOutcome run() {
            // Re-read on every attempt: a hand-made fulfillment, a refund, an edit or a hold since the last one changes
            // what can be fulfilled, and Shopify's remaining quantities already say so.
            FulfillmentState state = reader.read(shop, request.orderGid());
            Map<String, Integer> wanted;
            try {
                wanted = state.resolve(items);
            } catch (IllegalArgumentException e) {
                // resolve names the lines Shopify's order lacks in the exception it throws.
                return new FulfillmentOutcome.Refused(
                        Objects.requireNonNull(e.getMessage()), List.of(), left(state, Map.of()));
            }
            List<Item> resolved = items.isEmpty() ? items(state, wanted) : items;
            var done = new ArrayList<CreatedFulfillment>();
            var toFulfil = new LinkedHashMap<>(wanted);
            if (mayExist) {
                state = reader.withFulfillments(
                        shop, request.orderGid(), state, request.tracking().numbers());
                // What an earlier create made is already counted in the fulfillment orders' remaining quantities; it
                // is subtracted here, so that it is neither created again nor reported as missing. A shipment of
                // everything left has nothing left once its earlier creates took it.
                for (FulfillmentState.Fulfillment f :
                        state.ours(request.tracking().numbers())) {
                    done.add(new CreatedFulfillment(f.gid(), f.legacyId(), f.locationGid(), f.status()));
                    f.quantities().forEach((line, quantity) -> toFulfil.computeIfPresent(line, (k, v) -> v - quantity));
                }
                toFulfil.values().removeIf(quantity -> quantity <= 0);
            }
            if (toFulfil.isEmpty()) {
                if (done.isEmpty()) {
                    return new FulfillmentOutcome.Refused(
                            "Nothing of the order remains to fulfil in Shopify", done, left(state, Map.of()));
                }
                return new FulfillmentOutcome.Fulfilled(done, left(state, Map.of()));
            }
            FulfillmentState planned = state;
            FulfillmentState.Plan plan = request.locationGid() == null
                    ? state.plan(toFulfil)
                    : state.planAt(toFulfil, request.locationGid());
            return switch (plan) {
                case FulfillmentState.Plan.Move move -> {
                    if (moved) {
                        // Shopify answered every move, yet the read still shows items elsewhere: refuse rather than
                        // move back and forth.
                        yield new FulfillmentOutcome.Refused(
                                "Items are still assigned elsewhere after moving them to " + move.locationGid(),
                                done,
                                left(planned, Map.of()));
                    }
                    String refusal = move(move);
                    if (refusal != null) {
                        yield new FulfillmentOutcome.Refused(
                                "Shopify refused to move items to " + move.locationGid() + ": " + refusal,
                                done,
                                left(planned, Map.of()));
                    }
                    moved = true;
                    // Moving closes and recreates fulfillment orders: plan again on what Shopify holds now.
                    yield run();
                }
                case FulfillmentState.Plan.Refuse refuse ->
                    new FulfillmentOutcome.Refused(refuse.reason(), done, left(planned, Map.of()));
                case FulfillmentState.Plan.Wait wait ->
                    new FulfillmentOutcome.Waiting(wait.reason(), left(planned, Map.of()));
                case FulfillmentState.Plan.Create create -> create(planned, create.creates(), resolved, done);
            };
        }

        /**
         * Moves what the plan names to the shipment's location; moving is not a create (nothing is fulfilled), and a
         * move whose answer was lost shows in the next read as already done.
         */
        private @Nullable String move(FulfillmentState.Plan.Move move) {
            for (var entry : move.byFulfillmentOrder().entrySet()) {
                String refusal = mutate(
                        shop,
                        ShopifyOperation.MOVE_FULFILLMENT_ORDER,
                        Map.of(
                                "id",
                                entry.getKey(),
                                "newLocationId",
                                move.locationGid(),
                                "fulfillmentOrderLineItems",
                                entry.getValue().entrySet().stream()
                                        .map(e -> Map.of("id", e.getKey(), "quantity", e.getValue()))
                                        .toList()),
                        "fulfillmentOrderMove");
                if (refusal != null) {
                    return refusal;
                }
            }
            return null;
        }

        private FulfillmentOutcome create(
                FulfillmentState state,
                List<FulfillmentState.LocationCreate> creates,
                List<Item> resolved,
                List<CreatedFulfillment> done) {
            var created = new LinkedHashMap<String, Integer>();
            for (FulfillmentState.LocationCreate location : creates) {
                journal.beforeCreate(resolved);
                mayExist = true;
                items = resolved;
                JsonNode payload = transport
                        .execute(
                                shop,
                                ShopifyOperation.CREATE_FULFILLMENT,
                                Map.of("fulfillment", fulfillmentInput(location)),
                                requestDeadline())
                        .path("fulfillmentCreate");
                JsonNode fulfillment = payload.path("fulfillment");
                if (fulfillment.isObject()) {
                    done.add(new CreatedFulfillment(
                            fulfillment.path("id").asString(),
                            Long.parseLong(fulfillment.path("legacyResourceId").asString()),
                            fulfillment.path("location").path("id").isString()
                                    ? fulfillment.path("location").path("id").asString()
                                    : location.locationGid(),
                            fulfillment.path("status").asString()));
                    location.quantities(state).forEach((line, quantity) -> created.merge(line, quantity, Integer::sum));
                    continue;
                }
                if (payload.path("userErrors").isEmpty()) {
                    throw TransientShopifyFailure.ambiguous(
                            "fulfillmentCreate returned neither a fulfillment nor userErrors", null, null);
                }
                // A refusal may come from a state the read above missed (a hold placed, an item moved); it is final
                // for this shipment as asked, and what was created before it stays recorded.
                return new FulfillmentOutcome.Refused(
                        UserErrors.describe(payload.path("userErrors")), done, left(state, created));
            }
            return new FulfillmentOutcome.Fulfilled(done, left(state, created));
        }

        private Map<String, Object> fulfillmentInput(FulfillmentState.LocationCreate location) {
            var byOrder = new ArrayList<Map<String, Object>>();
            location.byFulfillmentOrder()
                    .forEach((foGid, lines) -> byOrder.add(Map.of(
                            "fulfillmentOrderId",
                            foGid,
                            "fulfillmentOrderLineItems",
                            lines.entrySet().stream()
                                    .map(e -> Map.of("id", e.getKey(), "quantity", e.getValue()))
                                    .toList())));
            var input = new LinkedHashMap<String, Object>();
            input.put("lineItemsByFulfillmentOrder", byOrder);
            input.put("trackingInfo", trackingInput(request.tracking()));
            input.put("notifyCustomer", request.notifyCustomer());
            return input;
        }
    }

    /** Per line of Shopify's order, what remains after {@code created}. */
    private static List<LineLeft> left(FulfillmentState state, Map<String, Integer> created) {
        var left = new ArrayList<LineLeft>();
        Map<String, Integer> remaining = state.left();
        for (int i = 0; i < state.lines().size(); i++) {
            FulfillmentState.OrderLine line = state.lines().get(i);
            int quantity = remaining.getOrDefault(line.gid(), 0) - created.getOrDefault(line.gid(), 0);
            List<String> holding = state.fulfillmentOrders().stream()
                    .filter(fo ->
                            fo.lines().stream().anyMatch(l -> l.lineItemGid().equals(line.gid())))
                    .map(FulfillmentState.FulfillmentOrder::gid)
                    .toList();
            left.add(new LineLeft(legacyId(line.gid()), i, line.sku(), Math.max(0, quantity), holding));
        }
        return left;
    }

    private static List<Item> items(FulfillmentState state, Map<String, Integer> byLine) {
        var items = new ArrayList<Item>();
        for (int i = 0; i < state.lines().size(); i++) {
            FulfillmentState.OrderLine line = state.lines().get(i);
            Integer quantity = byLine.get(line.gid());
            if (quantity != null && quantity > 0) {
                items.add(new Item(legacyId(line.gid()), i, line.sku(), quantity));
            }
        }
        return items;
    }

    private static long legacyId(String gid) {
        return Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
    }
}
