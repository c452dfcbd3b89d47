package org.orderbridge.platform;

import io.awspring.cloud.sqs.MessageHeaderUtils;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.SqsContainerOptions;
import io.awspring.cloud.sqs.listener.StandardSqsComponentFactory;
import io.awspring.cloud.sqs.listener.acknowledgement.AcknowledgementOrdering;
import io.awspring.cloud.sqs.listener.acknowledgement.AcknowledgementProcessor;
import io.awspring.cloud.sqs.listener.acknowledgement.AsyncAcknowledgementResultCallback;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.Jitter;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The one way this service consumes a queue. */
public final class SqsListeners {

    private static final Logger log = LoggerFactory.getLogger(SqsListeners.class);

    private SqsListeners() {}

    /** How long a processed message waits for others to share its delete. */
    private static final Duration DELETE_LINGER = Duration.ofMillis(50);

    /**
     * Deletes messages on success, up to ten in one call ({@link BatchedDeletes}: a graceful stop still deletes
     * every processed message before the container stops). After a failure, the message's visibility timeout grows
     * exponentially from the receive count, with full jitter; the queue's maxReceiveCount then moves it to the dead-letter queue. In-flight
     * messages get 20 s to finish at shutdown. Each message is processed in the span of Spring Cloud AWS's listener
     * observation, which continues the trace context of the message's attributes ({@link MessageTracing}).
     */
    public static SqsMessageListenerContainerFactory<Message> deleteOnSuccessWithBackoff(
            SqsAsyncClient sqs,
            ObservationRegistry observations,
            int concurrency,
            Duration initialBackoff,
            double multiplier,
            Duration maxBackoff) {
        return deleteOnSuccessWithBackoff(
                sqs, observations, concurrency, Math.min(10, concurrency), initialBackoff, multiplier, maxBackoff);
    }

    /**
     * The same with fewer messages per receive. The container starts a receive only when a whole batch of its
     * concurrency permits is free (or, after waiting up to 10 s for them, with what is free): with a batch as large as
     * the concurrency, one slow message in flight holds back every message behind it. For slow work, a small batch
     * lets idle workers take the next messages at once.
     */
    public static SqsMessageListenerContainerFactory<Message> deleteOnSuccessWithBackoff(
            SqsAsyncClient sqs,
            ObservationRegistry observations,
            int concurrency,
            int messagesPerPoll,
            Duration initialBackoff,
            double multiplier,
            Duration maxBackoff) {
        return SqsMessageListenerContainerFactory.<Message>builder()
                .sqsAsyncClient(sqs)
                .configure(options -> options.maxConcurrentMessages(concurrency)
                        .maxMessagesPerPoll(Math.max(1, Math.min(10, Math.min(messagesPerPoll, concurrency))))
                        .pollTimeout(Duration.ofSeconds(10))
                        .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
                        .acknowledgementOrdering(AcknowledgementOrdering.PARALLEL)
                        .listenerShutdownTimeout(Duration.ofSeconds(20))
                        .acknowledgementShutdownTimeout(Duration.ofSeconds(5))
                        .messageAttributeNames(List.of("All"))
                        .messageSystemAttributeNames(List.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .observationRegistry(observations))
                .containerComponentFactories(List.of(new BatchedDeletesComponents()))
                .acknowledgementResultCallback(new DeleteFailures())
                .errorHandler(new LoggedOnce(ExponentialBackoffErrorHandler.<Message>builder()
                        .initialVisibilityTimeoutSeconds((int) Math.max(1, initialBackoff.toSeconds()))
                        .multiplier(multiplier)
                        .maxVisibilityTimeoutSeconds((int) Math.max(1, maxBackoff.toSeconds()))
                        .jitter(Jitter.FULL)
                        .build()))
                .build();
    }

    /** Which delivery of the message this is (1 for the first), as the listeners count their attempts. */
    public static int receiveCount(Message message) {
        try {
            return Integer.parseInt(
                    message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static final class BatchedDeletesComponents extends StandardSqsComponentFactory<Message> {

        @Override
        public AcknowledgementProcessor<Message> createAcknowledgementProcessor(SqsContainerOptions options) {
            var processor = new BatchedDeletes<Message>(DELETE_LINGER, options.getAcknowledgementShutdownTimeout());
            processor.configure(options);
            return processor;
        }
    }

    /**
     * A delete that failed or timed out costs nothing but a duplicate: the message comes back after its visibility
     * timeout and finds its delivery recorded. One line says so; the library's own ERROR lines with a stack for it are
     * switched off in application.yml (SqsAcknowledgementExecutor, AbstractOrderingAcknowledgementProcessor). The
     * asynchronous kind of callback: a blocking one would cost a task on the container's executor per delete.
     */
    static final class DeleteFailures implements AsyncAcknowledgementResultCallback<Message> {

        @Override
        public CompletableFuture<Void> onFailure(
                Collection<org.springframework.messaging.Message<Message>> messages, Throwable t) {
            Throwable cause = t;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            log.warn(
                    "Could not delete {} processed message(s) {} ({}: {}); they will be delivered again and recorded as"
                            + " duplicates",
                    messages.size(),
                    MessageHeaderUtils.getId(messages),
                    cause.getClass().getSimpleName(),
                    cause.getMessage());
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * Backs off and fails the message, so that it is not acknowledged. A failure its listener logged (see
     * {@link FailedAttempts}) is not logged again; anything else is, with its stack, since nobody expected it. The
     * container's own ERROR line with the stack, one per failed receive, is switched off in application.yml
     * (AbstractMessageProcessingPipelineSink): it knew only the message id, and repeated the stack on every retry.
     */
    private record LoggedOnce(AsyncErrorHandler<Message> backoff) implements AsyncErrorHandler<Message> {

        @Override
        public CompletableFuture<Void> handle(org.springframework.messaging.Message<Message> message, Throwable t) {
            if (!FailedAttempts.isLogged(t)) {
                log.error("Message {} failed, retried later", MessageHeaderUtils.getId(message), t);
            }
            return backoff.handle(message, t);
        }

        @Override
        public CompletableFuture<Void> handle(
                Collection<org.springframework.messaging.Message<Message>> messages, Throwable t) {
            if (!FailedAttempts.isLogged(t)) {
                log.error("Messages {} failed, retried later", MessageHeaderUtils.getId(messages), t);
            }
            return backoff.handle(messages, t);
        }
    }
}
