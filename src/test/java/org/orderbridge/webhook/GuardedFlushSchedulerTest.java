package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The send batches' timer survives a flush that throws, as the SDK's first flush of a queue does when it runs before
 * the queue's buffer is stored; without the guard, that queue's deliveries would wait for ever.
 */
@Tag("unit")
class GuardedFlushSchedulerTest {

    private static final String QUEUE = "http://sqs.local/000000000000/orderbridge-webhooks";

    @Test
    void aFixedRateTaskGoesOnAfterARunThatThrew() {
        var scheduler = new GuardedFlushScheduler(Thread.ofPlatform().daemon().factory());
        var runs = new AtomicInteger();
        try {
            scheduler.scheduleAtFixedRate(
                    () -> {
                        if (runs.incrementAndGet() == 1) {
                            throw new NullPointerException("no buffer yet");
                        }
                    },
                    0,
                    5,
                    TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aDeliveryIsSentWhenTheQueuesFirstFlushRanBeforeItsBufferExisted() throws Exception {
        var scheduler = new FirstRunBeforeReturn(
                new GuardedFlushScheduler(Thread.ofPlatform().daemon().factory()));
        try (var batches = batchManager(scheduler)) {
            CompletableFuture<SendMessageResponse> sent =
                    batches.sendMessage(b -> b.queueUrl(QUEUE).messageBody("{}"));

            assertThat(sent.get(5, TimeUnit.SECONDS).messageId()).startsWith("sent-");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void withoutTheGuardTheSameDeliveryWaitsForEver() throws Exception {
        var scheduler = new FirstRunBeforeReturn(new ScheduledThreadPoolExecutor(1));
        try (var batches = batchManager(scheduler)) {
            CompletableFuture<SendMessageResponse> sent =
                    batches.sendMessage(b -> b.queueUrl(QUEUE).messageBody("{}"));

            // The window is 5 ms: a second is two hundred flushes that never came.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !sent.isDone());
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static SqsAsyncBatchManager batchManager(ScheduledExecutorService scheduler) {
        return SqsAsyncBatchManager.builder()
                .client(new AcceptingSqs())
                .scheduledExecutor(scheduler)
                .overrideConfiguration(o -> o.maxBatchSize(10).sendRequestFrequency(Duration.ofMillis(5)))
                .build();
    }

    /**
     * Runs a fixed-rate task's first run before {@code scheduleAtFixedRate} returns to the SDK, that is while the SDK
     * is still creating the queue's buffer: the order a busy machine produces by chance, made certain.
     */
    private static final class FirstRunBeforeReturn extends ScheduledThreadPoolExecutor {
        private final ScheduledThreadPoolExecutor delegate;

        FirstRunBeforeReturn(ScheduledThreadPoolExecutor delegate) {
            super(1);
            this.delegate = delegate;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            var firstRun = new CountDownLatch(1);
            ScheduledFuture<?> future = delegate.scheduleAtFixedRate(
                    () -> {
                        try {
                            command.run();
                        } finally {
                            firstRun.countDown();
                        }
                    },
                    0,
                    period,
                    unit);
            try {
                firstRun.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return future;
        }

        @Override
        public java.util.List<Runnable> shutdownNow() {
            delegate.shutdownNow();
            return super.shutdownNow();
        }
    }

    /** Takes every batch whole, each entry's message id {@code sent-<entry id>}. */
    private static final class AcceptingSqs implements SqsAsyncClient {
        @Override
        public CompletableFuture<SendMessageBatchResponse> sendMessageBatch(SendMessageBatchRequest request) {
            return CompletableFuture.completedFuture(SendMessageBatchResponse.builder()
                    .successful(request.entries().stream()
                            .map(e -> SendMessageBatchResultEntry.builder()
                                    .id(e.id())
                                    .messageId("sent-" + e.id())
                                    .build())
                            .toList())
                    .failed(java.util.List.of())
                    .build());
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }
}
