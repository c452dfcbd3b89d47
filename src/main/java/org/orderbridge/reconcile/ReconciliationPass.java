package org.orderbridge.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.orderbridge.order.ForeignShopOrderException;
import org.orderbridge.shopify.ShopifyOrderFeed;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One pass over one claimed shop: reads the orders updated since the watermark (minus the overlap) page by page, oldest
 * update first, applies each like a webhook, and after every page records how far it got and renews its lease.
 */
@Component
class ReconciliationPass {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationPass.class);

    /** What one pass did. */
    record Result(String shop, Status status, int created, int updated, int current, int pages) {

        int seen() {
            return created + updated + current;
        }

        int drift() {
            return created + updated;
        }
    }

    enum Status {
        COMPLETED,
        /** Shopify could not be read; the pass is tried again later from where it got. */
        FAILED,
        /** Another instance took the shop over (this pass outlived its lease), or this instance is stopping. */
        STOPPED
    }

    private final ShopifyOrderFeed feed;
    private final ReconciledOrders orders;
    private final ShopLeases leases;
    private final ReconciliationMetrics metrics;
    private final ReconciliationProperties properties;
    private final Clock clock;

    ReconciliationPass(
            ShopifyOrderFeed feed,
            ReconciledOrders orders,
            ShopLeases leases,
            ReconciliationMetrics metrics,
            ReconciliationProperties properties,
            Clock clock) {
        this.feed = feed;
        this.orders = orders;
        this.leases = leases;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param carryOn asked between pages; false ends the pass early (the instance is stopping) */
    Result run(ShopLeases.Claim claim, BooleanSupplier carryOn) {
        String shop = claim.shop();
        Instant now = clock.instant();
        Instant until = now.minus(properties.webhookGrace());
        Instant since = claim.watermark() == null
                ? now.minus(properties.initialLookback())
                : claim.watermark().minus(properties.overlap());
        var counts = new int[ApplyOutcome.values().length];
        int pages = 0;
        String cursor = null;
        try {
            ShopifyOrderFeed.OrderPage page;
            do {
                if (!carryOn.getAsBoolean()) {
                    leases.abandon(claim, Duration.ZERO);
                    return finished(shop, Status.STOPPED, counts, pages);
                }
                page = feed.ordersUpdatedBetween(shop, since, until, cursor, properties.pageSize());
                pages++;
                Instant newest = null;
                for (JsonNode node : page.orders()) {
                    ApplyOutcome outcome = apply(shop, node);
                    if (outcome != null) {
                        counts[outcome.ordinal()]++;
                        metrics.order(shop, outcome);
                    }
                    newest = later(newest, updatedAt(node));
                }
                // Orders come oldest update first: all before the page's newest are applied, so a pass that takes
                // over after a crash starts here (less the overlap) rather than at the previous pass's watermark.
                if (newest != null
                        && !leases.progress(claim, newest.isAfter(until) ? until : newest, properties.lease())) {
                    log.warn(
                            "Reconciliation of {} stopped after {} pages: another instance took the shop over",
                            shop,
                            pages);
                    return finished(shop, Status.STOPPED, counts, pages);
                }
                cursor = page.endCursor();
            } while (page.hasNextPage());
        } catch (ShopifyUnavailableException e) {
            Duration retry =
                    e.retryAfterHint() != null && e.retryAfterHint().compareTo(properties.retryAfterFailure()) > 0
                            ? e.retryAfterHint()
                            : properties.retryAfterFailure();
            leases.abandon(claim, retry);
            log.warn(
                    "Reconciliation of {} failed after {} pages, next try in {} s: {}",
                    shop,
                    pages,
                    retry.toSeconds(),
                    e.getMessage());
            return finished(shop, Status.FAILED, counts, pages);
        } catch (RuntimeException e) {
            leases.abandon(claim, properties.retryAfterFailure());
            throw e;
        }
        Result result = new Result(
                shop,
                Status.COMPLETED,
                counts[ApplyOutcome.CREATED.ordinal()],
                counts[ApplyOutcome.UPDATED.ordinal()],
                counts[ApplyOutcome.CURRENT.ordinal()],
                pages);
        if (!leases.finish(claim, until, properties.interval(), result.seen(), result.drift())) {
            log.warn("Reconciliation of {} completed, but another instance had taken the shop over", shop);
            metrics.pass(shop, "stopped");
            return new Result(shop, Status.STOPPED, result.created(), result.updated(), result.current(), pages);
        }
        metrics.pass(shop, "completed");
        if (result.drift() > 0) {
            log.warn(
                    "Reconciliation of {}: {} orders read, {} missed by webhooks ({} created, {} updated)",
                    shop,
                    result.seen(),
                    result.drift(),
                    result.created(),
                    result.updated());
        } else {
            log.info("Reconciliation of {}: {} orders read, none missed", shop, result.seen());
        }
        return result;
    }

    /** Applies one order; an order that cannot be applied is logged and skipped, as no later pass could apply it either. */
    private @Nullable ApplyOutcome apply(String shop, JsonNode node) {
        String gid = node.path("id").asString("?");
        try {
            ApplyOutcome outcome = orders.apply(shop, node);
            if (outcome.drifted()) {
                log.warn(
                        "Reconciliation found a missed order: {} {} of shop {} updated at {} was {}",
                        gid,
                        node.path("name").asString(""),
                        shop,
                        node.path("updatedAt").asString(""),
                        outcome == ApplyOutcome.CREATED ? "not stored" : "stored older");
            }
            return outcome;
        } catch (UnmappableOrderNodeException | ForeignShopOrderException e) {
            log.error("Reconciliation skipped order {} of shop {}: {}", gid, shop, e.getMessage());
            return null;
        }
    }

    private Result finished(String shop, Status status, int[] counts, int pages) {
        metrics.pass(shop, status.name().toLowerCase(Locale.ROOT));
        return new Result(
                shop,
                status,
                counts[ApplyOutcome.CREATED.ordinal()],
                counts[ApplyOutcome.UPDATED.ordinal()],
                counts[ApplyOutcome.CURRENT.ordinal()],
                pages);
    }

    private static @Nullable Instant updatedAt(JsonNode node) {
        try {
            return OffsetDateTime.parse(node.path("updatedAt").asString()).toInstant();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
