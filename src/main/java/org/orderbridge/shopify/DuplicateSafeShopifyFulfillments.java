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

    DuplicateSafeShopifyFulfillments(
            ShopifyProperties properties, AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.properties = properties;
        this.transport = transport;
        this.resilience = resilience;
    }

    @Override
    public FulfillmentOutcome fulfil(FulfillmentRequest request, CreateJournal journal) {
        if (request.tracking().numbers().isEmpty()) {
            // The tracking number is how an earlier create is recognised; without it no create may be repeated safely.
            return new FulfillmentOutcome.Refused("A shipment needs a tracking number", List.of());
        }
        var attempt = new Attempt(request.shopDomain().toLowerCase(), request, journal);
        return guarded(attempt.shop, attempt::run, e -> new FulfillmentOutcome.Refused(e, List.of()));
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
                    // a
                    // second fulfillmentCancel would only be refused.
                    FulfillmentState state = state(shop, orderGid);
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

    private FulfillmentState state(String shop, String orderGid) {
        JsonNode order = transport
                .execute(shop, ShopifyOperation.FIND_FULFILLMENT_STATE, Map.of("id", orderGid), requestDeadline())
                .path("order");
        if (!order.isObject()) {
            throw new PermanentShopifyFailure("Shopify has no order " + orderGid);
        }
        FulfillmentState state = FulfillmentState.read(order);
        if (!state.beyondLimits().isEmpty()) {
            // Planning on a partial read could miss an earlier create of ours (a duplicate) or a line's remainder, and
            // reading it again returns the same: refuse, naming the limit.
            throw new PermanentShopifyFailure("OrderBridge cannot fulfil Shopify order " + orderGid + ": it has "
                    + String.join(", ", state.beyondLimits()) + " (the most read in one query)");
        }
        return state;
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

    private static Map<String, Object> trackingInput(Tracking tracking) {
        var input = new LinkedHashMap<String, Object>();
        input.put("numbers", tracking.numbers());
        if (tracking.company() != null) {
            input.put("company", tracking.company());
        }
        if (tracking.url() != null) {
            input.put("url", tracking.url());
        }
        return input;
    }

    /** One {@code fulfil} call; retried as a whole, so each attempt starts from what Shopify holds now. */
    private final class Attempt {

        private final String shop;
        private final FulfillmentRequest request;
        private final CreateJournal journal;
        private boolean mayExist;

        Attempt(String shop, FulfillmentRequest request, CreateJournal journal) {
            this.shop = shop;
            this.request = request;
            this.journal = journal;
            this.mayExist = request.createMayHaveBeenSent();
        }

        FulfillmentOutcome run() {
            FulfillmentState state = state(shop, request.orderGid());
            Map<String, Integer> wanted;
            try {
                wanted = state.resolve(request.items());
            } catch (IllegalArgumentException e) {
                // resolve names the lines Shopify's order lacks in the exception it throws.
                return new FulfillmentOutcome.Refused(Objects.requireNonNull(e.getMessage()), List.of());
            }
            var done = new ArrayList<CreatedFulfillment>();
            var toFulfil = new LinkedHashMap<>(wanted);
            if (mayExist) {
                // What an earlier create made is already counted in the fulfillment orders' remaining quantities; it
                // is subtracted here, so that it is neither created again nor reported as missing.
                for (FulfillmentState.Fulfillment f :
                        state.ours(request.tracking().numbers())) {
                    done.add(new CreatedFulfillment(f.gid(), f.legacyId(), f.locationGid(), f.status()));
                    f.quantities().forEach((line, quantity) -> toFulfil.computeIfPresent(line, (k, v) -> v - quantity));
                }
                toFulfil.values().removeIf(quantity -> quantity <= 0);
            }
            if (toFulfil.isEmpty()) {
                return new FulfillmentOutcome.Fulfilled(done);
            }
            return switch (state.plan(toFulfil)) {
                case FulfillmentState.Plan.Refuse refuse -> new FulfillmentOutcome.Refused(refuse.reason(), done);
                case FulfillmentState.Plan.Create create -> create(create.creates(), done);
            };
        }

        private FulfillmentOutcome create(
                List<FulfillmentState.LocationCreate> creates, List<CreatedFulfillment> done) {
            for (FulfillmentState.LocationCreate location : creates) {
                journal.beforeCreate();
                mayExist = true;
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
                    continue;
                }
                if (payload.path("userErrors").isEmpty()) {
                    throw TransientShopifyFailure.ambiguous(
                            "fulfillmentCreate returned neither a fulfillment nor userErrors", null, null);
                }
                // A refusal may come from a state the read above missed (a hold placed, an item moved); it is final
                // for this shipment as asked, and what was created before it stays recorded.
                return new FulfillmentOutcome.Refused(UserErrors.describe(payload.path("userErrors")), done);
            }
            return new FulfillmentOutcome.Fulfilled(done);
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
}
