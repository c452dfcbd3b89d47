package org.orderbridge.reconcile;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A backfill as the API shows it.
 *
 * @param until orders updated up to this instant (when the backfill was asked for) are read
 * @param bulkOperation Shopify's bulk operation and its status as last polled (bulk backfills)
 * @param linesRead lines of the bulk result applied so far
 */
record BackfillView(
        UUID id,
        String shop,
        Instant since,
        Instant until,
        Backfill.Method method,
        Backfill.State state,
        @Nullable BulkOperation bulkOperation,
        long linesRead,
        Backfill.Counts orders,
        @Nullable String failureReason,
        Instant requestedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    record BulkOperation(String id, @Nullable String status) {}

    static BackfillView of(Backfill backfill) {
        return new BackfillView(
                backfill.id(),
                backfill.shopDomain(),
                backfill.since(),
                backfill.until(),
                backfill.method(),
                backfill.state(),
                backfill.bulkOperationId() == null
                        ? null
                        : new BulkOperation(backfill.bulkOperationId(), backfill.bulkStatus()),
                backfill.linesProcessed(),
                backfill.counts(),
                backfill.failureReason(),
                backfill.requestedAt(),
                backfill.startedAt(),
                backfill.finishedAt());
    }
}
