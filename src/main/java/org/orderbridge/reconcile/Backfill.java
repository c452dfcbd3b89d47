package org.orderbridge.reconcile;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One backfill as stored: what was asked for, and how far it got. */
record Backfill(
        UUID id,
        String shopDomain,
        Instant since,
        Instant until,
        Method method,
        State state,
        @Nullable String bulkOperationId,
        @Nullable String bulkStatus,
        @Nullable String pageCursor,
        long linesProcessed,
        Counts counts,
        @Nullable String failureReason,
        Instant requestedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    Backfill progress(
            @Nullable String bulkOperationId,
            @Nullable String bulkStatus,
            @Nullable String pageCursor,
            long linesProcessed,
            Counts counts) {
        return new Backfill(
                id,
                shopDomain,
                since,
                until,
                method,
                state,
                bulkOperationId,
                bulkStatus,
                pageCursor,
                linesProcessed,
                counts,
                failureReason,
                requestedAt,
                startedAt,
                finishedAt);
    }

    enum Method {
        /** The {@code orders} query, a page at a time. */
        PAGINATED,
        /** A bulk query operation, its result file streamed. */
        BULK
    }

    /** QUEUED → RUNNING → COMPLETED or FAILED; RUNNING survives a crash and is taken over. */
    enum State {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    /**
     * @param seen orders read from Shopify and applied (or failed)
     * @param created orders OrderBridge did not have
     * @param updated orders OrderBridge had older data of
     * @param current orders OrderBridge already had as they are
     * @param failed orders that could not be applied (logged one by one)
     */
    record Counts(long seen, long created, long updated, long current, long failed) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts plus(ApplyOutcome outcome) {
            return switch (outcome) {
                case CREATED -> new Counts(seen + 1, created + 1, updated, current, failed);
                case UPDATED -> new Counts(seen + 1, created, updated + 1, current, failed);
                case CURRENT -> new Counts(seen + 1, created, updated, current + 1, failed);
            };
        }

        Counts plusFailed() {
            return new Counts(seen + 1, created, updated, current, failed + 1);
        }
    }
}
