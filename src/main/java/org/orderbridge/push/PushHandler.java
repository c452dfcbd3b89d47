package org.orderbridge.push;

import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Pushes one kind of subject to Shopify: a feature that pushes something declares a handler of its kind, and the push
 * queue's listener hands it every message of that kind. Returning acknowledges the message. {@link SubjectBusyException}
 * and {@link RetryLaterException} put it back as they say; anything else thrown is a failed attempt, logged by the
 * listener, and the message comes back with the push queue's growing visibility timeout, after maxReceiveCount in its
 * dead-letter queue.
 */
public interface PushHandler {

    /** The kind this handler takes, as given to {@link PushRequests#request}. */
    String kind();

    /**
     * What the handler puts into the MDC (the shop, say) stays there for the listener's lines about the message, and is
     * cleared after it.
     *
     * @param deadlineNanos {@link System#nanoTime()} by which the push must be over: {@link PushTiming#deadline()} after
     *     the message's receipt, for a handler whose Shopify calls take a time budget
     */
    void handle(UUID subjectId, long deadlineNanos) throws Exception;

    /**
     * Another worker is pushing the same subject: not a failure, so it is not logged as one, but the message comes
     * back later. When the other worker's lease is known, the message waits until shortly after that lease ends,
     * longer with each receive so that a long-held lease does not use up the message's receives; otherwise it comes
     * back with the queue's backoff, and on its last receive it is logged as failed.
     */
    class SubjectBusyException extends RuntimeException {

        private final @Nullable Duration leaseRemaining;

        public SubjectBusyException(String message) {
            this(message, null);
        }

        public SubjectBusyException(String message, @Nullable Duration leaseRemaining) {
            super(message, null, false, false);
            this.leaseRemaining = leaseRemaining;
        }

        /** How long the other worker's lease still runs, when known. */
        public @Nullable Duration leaseRemaining() {
            return leaseRemaining;
        }
    }

    /**
     * Shopify cannot take the push for now and has said how long it needs: the attempt is logged as a failure that was
     * to be expected, and the message comes back after the queue's backoff, or after {@link #notSooner()} if that is
     * longer. The wait is kept in the message's visibility rather than sat out by a worker.
     */
    class RetryLaterException extends RuntimeException {

        private final Throwable failure;
        private final @Nullable Duration notSooner;

        public RetryLaterException(Throwable failure, @Nullable Duration notSooner) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
            this.notSooner = notSooner;
        }

        /** The failure that makes the message come back; what {@code getCause()} returns, but never null. */
        public Throwable failure() {
            return failure;
        }

        public @Nullable Duration notSooner() {
            return notSooner;
        }
    }
}
