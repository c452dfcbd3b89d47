package org.orderbridge.reconcile;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.BackgroundLoop;
import org.orderbridge.shopify.ShopifyBulkQueries;
import org.orderbridge.shopify.ShopifyBulkQueries.BulkOperation;
import org.orderbridge.shopify.ShopifyOrderFeed;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works off backfills on every instance. Each looks for a backfill nobody holds every {@code worker-interval}, takes it
 * under a lease, and commits its progress as it goes (the bulk operation's id as soon as Shopify started it, the page
 * cursor after each page, the result lines consumed every {@code checkpoint-every} orders), renewing the lease each
 * time. An instance that dies lets its lease run out, and the next to look resumes from the last checkpoint; orders
 * applied after it are applied again, which changes nothing.
 */
@Component
class BackfillWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackfillWorker.class);
    private static final int PAGE_SIZE = 10;

    private final BackfillStore store;
    private final ShopifyOrderFeed feed;
    private final ShopifyBulkQueries bulk;
    private final ReconciledOrders orders;
    private final BackfillProperties properties;
    private final ObjectMapper json;
    private final Semaphore slots;
    private final BackgroundLoop loop;

    BackfillWorker(
            BackfillStore store,
            ShopifyOrderFeed feed,
            ShopifyBulkQueries bulk,
            ReconciledOrders orders,
            BackfillProperties properties,
            ObjectMapper json) {
        this.store = store;
        this.feed = feed;
        this.bulk = bulk;
        this.orders = orders;
        this.properties = properties;
        this.json = json;
        this.slots = new Semaphore(properties.concurrency());
        // Nothing to wait for at a stop: the backfills run on threads of their own and hand back at a checkpoint.
        this.loop = new BackgroundLoop("backfill-claims", Duration.ZERO, this::claimWhileFree, this::claimFailed);
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            loop.start(properties.workerInterval());
        }
    }

    private Duration claimWhileFree() {
        while (loop.isRunning() && slots.tryAcquire()) {
            // A token per claim, not per instance: whoever claims the backfill after a lease ran out, this instance
            // included, makes the earlier holder's next write fail.
            UUID token = UUID.randomUUID();
            Optional<Backfill> claimed;
            try {
                claimed = store.claim(token, properties.lease());
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                slots.release();
                break;
            }
            var job = new Job(claimed.get(), token);
            // The lease is renewed on its own clock too: a checkpoint may be far off while a slow Shopify call or a
            // cold JVM holds the work up, and the backfill must not be taken over from a live instance.
            ScheduledFuture<?> heartbeat =
                    loop.every(Duration.ofMillis(properties.lease().toMillis() / 3), job::renewLease);
            Thread.ofVirtual().name("backfill-" + job.state.shopDomain()).start(() -> {
                try {
                    work(job);
                } finally {
                    heartbeat.cancel(false);
                    slots.release();
                }
            });
        }
        return properties.workerInterval();
    }

    private Duration claimFailed(RuntimeException e) {
        log.warn("Looking for backfills failed: {}", e.toString());
        return properties.workerInterval();
    }

    private void work(Job job) {
        Backfill claimed = job.state;
        UUID token = job.token;
        log.info(
                "Backfill {} of {} since {} ({}): {} orders applied before",
                claimed.id(),
                claimed.shopDomain(),
                claimed.since(),
                claimed.method(),
                claimed.counts().seen());
        try {
            switch (claimed.method()) {
                case PAGINATED -> job.readPages();
                case BULK -> job.readBulk();
            }
        } catch (LostLease lost) {
            log.warn("Backfill {} of {} was taken over by another instance", claimed.id(), claimed.shopDomain());
        } catch (Stopping stopping) {
            store.release(claimed.id(), token, Duration.ZERO);
            log.info("Backfill {} of {} handed back at shutdown", claimed.id(), claimed.shopDomain());
        } catch (ShopifyUnavailableException | BulkResultUnreadable e) {
            Duration later = e instanceof ShopifyUnavailableException unavailable
                            && unavailable.retryAfterHint() != null
                            && unavailable.retryAfterHint().compareTo(properties.pollInterval()) > 0
                    ? unavailable.retryAfterHint()
                    : properties.pollInterval();
            log.warn(
                    "Backfill {} of {} pauses, Shopify unavailable: {}",
                    claimed.id(),
                    claimed.shopDomain(),
                    e.getMessage());
            job.checkpointQuietly();
            store.release(claimed.id(), token, later);
        } catch (CannotCreateTransactionException
                | DataAccessResourceFailureException
                | TransientDataAccessException e) {
            // The lease runs out and the backfill is taken again from its last checkpoint.
            log.warn(
                    "Backfill {} of {} pauses, database unavailable: {}",
                    claimed.id(),
                    claimed.shopDomain(),
                    e.toString());
        } catch (RuntimeException e) {
            log.error("Backfill {} of {} failed", claimed.id(), claimed.shopDomain(), e);
            store.finish(job.state, token, Backfill.State.FAILED, e.getMessage());
        }
    }

    /** One claimed backfill's progress, committed at checkpoints. */
    private final class Job {
        private final UUID token;
        private volatile Backfill state;
        private volatile boolean lost;
        private int sinceCheckpoint;

        Job(Backfill state, UUID token) {
            this.state = state;
            this.token = token;
        }

        void renewLease() {
            try {
                if (!store.renew(state.id(), token, properties.lease())) {
                    lost = true;
                }
            } catch (RuntimeException e) {
                log.debug("Backfill {} lease not renewed: {}", state.id(), e.toString());
            }
        }

        void readPages() {
            String cursor = state.pageCursor();
            while (true) {
                ShopifyOrderFeed.OrderPage page =
                        feed.ordersUpdatedBetween(state.shopDomain(), state.since(), state.until(), cursor, PAGE_SIZE);
                Backfill.Counts counts = state.counts();
                for (JsonNode node : page.orders()) {
                    counts = apply(node, counts);
                }
                cursor = page.endCursor() == null ? cursor : page.endCursor();
                state = state.progress(null, null, cursor, 0, counts);
                if (!page.hasNextPage()) {
                    complete();
                    return;
                }
                checkpoint();
            }
        }

        void readBulk() {
            String operationId = state.bulkOperationId();
            if (operationId == null) {
                operationId =
                        bulk.start(state.shopDomain(), BulkOrderQuery.updatedBetween(state.since(), state.until()));
                state = state.progress(operationId, "CREATED", null, 0, state.counts());
                checkpoint();
                log.info(
                        "Backfill {} of {}: Shopify started bulk operation {}",
                        state.id(),
                        state.shopDomain(),
                        operationId);
            }
            BulkOperation operation = bulk.find(state.shopDomain(), operationId);
            while (!operation.status().finished()) {
                state = state.progress(
                        operationId, operation.status().name(), null, state.linesProcessed(), state.counts());
                checkpoint();
                pause(properties.pollInterval());
                operation = bulk.find(state.shopDomain(), operationId);
            }
            state = state.progress(
                    operationId, operation.status().name(), null, state.linesProcessed(), state.counts());
            if (operation.status() != ShopifyBulkQueries.Status.COMPLETED) {
                fail("Shopify's bulk operation " + operationId + " ended " + operation.status()
                        + (operation.errorCode() == null ? "" : " (" + operation.errorCode() + ")"));
                return;
            }
            URI resultUrl = operation.url();
            if (resultUrl != null) {
                applyResult(operation, resultUrl);
            }
            complete();
        }

        private void applyResult(BulkOperation operation, URI resultUrl) {
            long skipped = state.linesProcessed();
            InputStream body = bulk.openResult(resultUrl);
            try (var reader = new BulkOrderReader(body, json, BulkOrderQuery.CONNECTIONS, skipped)) {
                int batchSize = Math.min(properties.applyBatch(), properties.checkpointEvery());
                var batch = new ArrayList<ObjectNode>(batchSize);
                ObjectNode order;
                while ((order = next(reader)) != null) {
                    batch.add(order);
                    if (batch.size() == batchSize) {
                        applyBatch(operation, batch, reader.linesConsumed());
                    }
                }
                applyBatch(operation, batch, reader.linesConsumed());
            }
        }

        /**
         * Applies the batch in one transaction, or order by order when that fails, then records the lines it came
         * from; a checkpoint only ever follows a committed batch, so a resumed backfill never skips an order.
         */
        private void applyBatch(BulkOperation operation, List<ObjectNode> batch, long linesConsumed) {
            if (batch.isEmpty()) {
                return;
            }
            Backfill.Counts counts = state.counts();
            List<ApplyOutcome> together = applyTogether(batch);
            if (together != null) {
                for (ApplyOutcome outcome : together) {
                    counts = counts.plus(outcome);
                }
            } else {
                for (ObjectNode node : batch) {
                    counts = apply(node, counts);
                }
            }
            state = state.progress(operation.id(), operation.status().name(), null, linesConsumed, counts);
            sinceCheckpoint += batch.size();
            batch.clear();
            if (sinceCheckpoint >= properties.checkpointEvery()) {
                checkpoint();
            }
        }

        /**
         * @return the outcomes, or null when the batch failed and each order must be tried alone: one of them cannot be
         *     applied, or what failed (the database, Shopify) fails the first order tried alone too and ends the pass
         *     as it always did
         */
        private @Nullable List<ApplyOutcome> applyTogether(List<ObjectNode> batch) {
            try {
                return orders.applyTogether(state.shopDomain(), batch);
            } catch (RuntimeException oneOfThem) {
                log.debug(
                        "Backfill {}: a batch of {} orders is applied one by one: {}",
                        state.id(),
                        batch.size(),
                        oneOfThem.toString());
                return null;
            }
        }

        private @Nullable ObjectNode next(BulkOrderReader reader) {
            try {
                return reader.next();
            } catch (java.io.UncheckedIOException broken) {
                throw new BulkResultUnreadable(broken);
            }
        }

        private Backfill.Counts apply(JsonNode node, Backfill.Counts counts) {
            try {
                return counts.plus(orders.apply(state.shopDomain(), node));
            } catch (UnmappableOrderNodeException | org.orderbridge.order.ForeignShopOrderException e) {
                log.warn(
                        "Backfill {} of {}: order {} not applied: {}",
                        state.id(),
                        state.shopDomain(),
                        node.path("id").asString(),
                        e.getMessage());
                return counts.plusFailed();
            }
        }

        void checkpoint() {
            sinceCheckpoint = 0;
            if (lost || !store.checkpoint(state, token, properties.lease())) {
                throw new LostLease();
            }
            if (!loop.isRunning()) {
                throw new Stopping();
            }
        }

        void checkpointQuietly() {
            try {
                store.checkpoint(state, token, properties.lease());
            } catch (RuntimeException e) {
                log.debug("Backfill {} progress not saved: {}", state.id(), e.toString());
            }
        }

        private void complete() {
            if (lost || !store.finish(state, token, Backfill.State.COMPLETED, null)) {
                throw new LostLease();
            }
            Backfill.Counts counts = state.counts();
            log.info(
                    "Backfill {} of {} completed: {} orders read, {} created, {} updated, {} already current, {} failed",
                    state.id(),
                    state.shopDomain(),
                    counts.seen(),
                    counts.created(),
                    counts.updated(),
                    counts.current(),
                    counts.failed());
        }

        private void fail(String reason) {
            log.error("Backfill {} of {} failed: {}", state.id(), state.shopDomain(), reason);
            store.finish(state, token, Backfill.State.FAILED, reason);
        }

        private void pause(Duration duration) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            }
        }
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Another instance holds the backfill now. */
    private static final class LostLease extends RuntimeException {
        LostLease() {
            super(null, null, false, false);
        }
    }

    /** The instance is shutting down: the backfill is handed back at its checkpoint. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super(null, null, false, false);
        }
    }

    /** The result file broke off mid-way; it is read again from the last checkpoint. */
    private static final class BulkResultUnreadable extends RuntimeException {
        BulkResultUnreadable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
