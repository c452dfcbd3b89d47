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
 * oldest has waited {@code linger}. The container stops this processor only after its in-flight messages have
 * finished, so by then every processed message is waiting here or being deleted: the stop sends what waits and waits
 * for every delete. Spring Cloud AWS 4.1's own batching can drop what its buffer holds at stop (docs/architecture.md).
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
        synchronized (lock) {
            Batch<T> batch = waiting;
            batch.messages.add(message);
            if (batch.messages.size() >= MAX_BATCH) {
                sendWaiting();
            } else if (batch.messages.size() == 1) {
                CompletableFuture.delayedExecutor(linger.toMillis(), TimeUnit.MILLISECONDS, Runnable::run)
                        .execute(() -> sendIfStillWaiting(batch));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> doOnAcknowledge(Collection<Message<T>> messages) {
        messages.forEach(this::doOnAcknowledge);
        return CompletableFuture.completedFuture(null);
    }

    private void sendIfStillWaiting(Batch<T> batch) {
        synchronized (lock) {
            if (waiting == batch) {
                sendWaiting();
            }
        }
    }

    /** Under the lock, so that a stop finds every batch either waiting or among those being sent. */
    private void sendWaiting() {
        if (waiting.messages.isEmpty()) {
            return;
        }
        CompletableFuture<Void> result = sendToExecutor(waiting.messages);
        waiting = new Batch<>();
        sending.add(result);
        result.whenComplete((ignored, failure) -> sending.remove(result));
    }

    /** Called once the container's in-flight messages have finished: nothing is acknowledged after this. */
    @Override
    protected void doStop() {
        synchronized (lock) {
            sendWaiting();
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
    }
}
