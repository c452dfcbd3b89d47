package org.orderbridge.platform;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.Jitter;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The one way this service consumes a queue. */
public final class SqsListeners {

    private SqsListeners() {}

    /**
     * Immediate acknowledgement on success: batched acknowledgements can be lost at shutdown and the messages
     * processed again. After a failure, the message's visibility timeout grows exponentially from the receive
     * count, with full jitter; the queue's maxReceiveCount then moves it to the dead-letter queue. In-flight
     * messages get 20 s to finish at shutdown.
     */
    public static SqsMessageListenerContainerFactory<Message> immediateAckWithBackoff(
            SqsAsyncClient sqs, int concurrency, Duration initialBackoff, double multiplier, Duration maxBackoff) {
        return immediateAckWithBackoff(
                sqs, concurrency, Math.min(10, concurrency), initialBackoff, multiplier, maxBackoff);
    }

    /**
     * The same with fewer messages per receive. The container starts a receive only when a whole batch of its
     * concurrency permits is free (or, after waiting up to 10 s for them, with what is free): with a batch as large as
     * the concurrency, one slow message in flight holds back every message behind it. For slow work, a small batch
     * lets idle workers take the next messages at once.
     */
    public static SqsMessageListenerContainerFactory<Message> immediateAckWithBackoff(
            SqsAsyncClient sqs,
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
                        .acknowledgementInterval(Duration.ZERO)
                        .acknowledgementThreshold(0)
                        .listenerShutdownTimeout(Duration.ofSeconds(20))
                        .acknowledgementShutdownTimeout(Duration.ofSeconds(5))
                        .messageAttributeNames(List.of("All"))
                        .messageSystemAttributeNames(List.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
                .errorHandler(ExponentialBackoffErrorHandler.<Message>builder()
                        .initialVisibilityTimeoutSeconds((int) Math.max(1, initialBackoff.toSeconds()))
                        .multiplier(multiplier)
                        .maxVisibilityTimeoutSeconds((int) Math.max(1, maxBackoff.toSeconds()))
                        .jitter(Jitter.FULL)
                        .build())
                .build();
    }
}
