package org.orderbridge.platform;

import io.awspring.cloud.sqs.listener.acknowledgement.AbstractOrderingAcknowledgementProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Deletes processed messages in batches of up to ten (one DeleteMessageBatch), sent when ten are waiting or when the
 * oldest has waited {@code linger}. A message's acknowledgement completes only when the batch that deletes it has,
 * and the container holds the message's concurrency permit until then; a graceful stop waits for every permit, so it
 * waits for every delete, exactly as with immediate acknowledgement. Spring Cloud AWS 4.1's own batching completes
 * the acknowledgement when the message is buffered and can drop the buffer at stop (docs/architecture.md).
 */
final class BatchedDeletes<T> extends AbstractOrderingAcknowledgementProcessor<T> {

    private static final Logger log = LoggerFactory.getLogger(BatchedDeletes.class);

    static final int MAX_BATCH = 10;

    private final Duration linger;
    private final Duration stopTimeout;
    private final Object lock = new Object();
    private final Set<CompletableFuture<Void>> sending = ConcurrentHashMap.newKeySet();
    private Batch<T> waiting = new Batch<>();

    BatchedDeletes(Duration linger, Duration stopTimeout) {
        this.linger = linger;
        this.stopTimeout = stopTimeout;
        setMaxAcknowledgementsPerBatch(MAX_BATCH);
    }

    @Override
    protected CompletableFuture<Void> doOnAcknowledge(Message<T> message) {
        Batch<T> full = null;
        Batch<T> batch;
        synchronized (lock) {
            batch = waiting;
            batch.messages.add(message);
            if (batch.messages.size() >= MAX_BATCH) {
                full = batch;
                waiting = new Batch<>();
            } else if (batch.messages.size() == 1) {
                CompletableFuture.delayedExecutor(linger.toMillis(), TimeUnit.MILLISECONDS, Runnable::run)
                        .execute(() -> sendIfWaiting(batch));
            }
        }
        if (full != null) {
            send(full);
        }
        return batch.deleted;
    }

    @Override
    protected CompletableFuture<Void> doOnAcknowledge(Collection<Message<T>> messages) {
        return CompletableFuture.allOf(
                messages.stream().map(this::doOnAcknowledge).toArray(CompletableFuture[]::new));
    }

    private void sendIfWaiting(Batch<T> batch) {
        synchronized (lock) {
            if (waiting != batch) {
                return;
            }
            waiting = new Batch<>();
        }
        send(batch);
    }

    private void send(Batch<T> batch) {
        CompletableFuture<Void> result = sendToExecutor(batch.messages);
        sending.add(result);
        result.whenComplete((ignored, failure) -> {
            sending.remove(result);
            if (failure == null) {
                batch.deleted.complete(null);
            } else {
                batch.deleted.completeExceptionally(failure);
            }
        });
    }

    /**
     * The container has waited for its in-flight messages, and with them for their deletes; what is left here is what
     * a stop that ran out of time left behind, sent now rather than dropped.
     */
    @Override
    protected void doStop() {
        Batch<T> rest;
        synchronized (lock) {
            rest = waiting;
            waiting = new Batch<>();
        }
        if (!rest.messages.isEmpty()) {
            send(rest);
        }
        try {
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new))
                    .get(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Reported by the acknowledgement result callback; the message comes back and is a duplicate.
        } catch (TimeoutException e) {
            log.warn("Deletes in {} unanswered after {}; their messages will be delivered again", getId(), stopTimeout);
        }
    }

    private static final class Batch<T> {
        final List<Message<T>> messages = new ArrayList<>(MAX_BATCH);
        final CompletableFuture<Void> deleted = new CompletableFuture<>();
    }
}
