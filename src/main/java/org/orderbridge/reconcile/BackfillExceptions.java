package org.orderbridge.reconcile;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The refusals of the backfill API, each answered with its own problem. */
final class BackfillExceptions {

    private BackfillExceptions() {}

    /** 404: OrderBridge has no access token for the shop, so it cannot read its orders. */
    static class UnknownShop extends RuntimeException {
        UnknownShop(String shop) {
            this(shop, "OrderBridge is not connected to " + shop + " (no access token configured)");
        }

        UnknownShop(String shop, String message) {
            super(message);
        }
    }

    /** 404: the shop was erased (shop/redact); reading its orders back would undo that. */
    static class ErasedShop extends UnknownShop {
        ErasedShop(String shop) {
            super(shop, "The data of " + shop + " was erased on Shopify's shop/redact; its orders are not read back");
        }
    }

    /** 404 */
    static class BackfillNotFound extends RuntimeException {
        BackfillNotFound(String shop, @Nullable UUID id) {
            super(id == null ? "No backfill of " + shop + " yet" : "No backfill " + id + " of " + shop);
        }
    }

    /** 400: there is nothing to read back from the future. */
    static class SinceInFuture extends RuntimeException {
        SinceInFuture(Instant since, Instant now) {
            super("since must be in the past; " + since + " is not before " + now);
        }
    }

    /** 400: since is not an ISO-8601 date or timestamp. */
    static class InvalidSince extends RuntimeException {
        InvalidSince(String since) {
            super("since must be an ISO-8601 timestamp with offset, such as 2026-11-01T00:00:00Z, or a date such as"
                    + " 2026-11-01 (midnight UTC); got '" + since + "'");
        }
    }

    /** 409: one backfill per shop at a time. */
    static class BackfillInProgress extends RuntimeException {
        final @Nullable UUID active;

        BackfillInProgress(String shop, @Nullable UUID active) {
            super(shop + " has a backfill queued or running" + (active == null ? "" : ": " + active)
                    + "; wait until it has finished");
            this.active = active;
        }
    }
}
