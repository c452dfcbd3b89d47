package org.orderbridge.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.MessageTracing;
import org.orderbridge.platform.QueueUrls;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Moves a message that can never succeed to its dead-letter queue at once, with the reason, instead of
 * letting it burn through every redelivery first.
 */
@Component
public class DeadLetters {

    /** Set on messages dead-lettered on purpose (SQS's own redrive sets none). */
    public static final String REASON = "ob-dead-letter-reason";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SqsAsyncClient sqs;
    private final QueueUrls queueUrls;
    private final DeadLetterQueues queues;

    DeadLetters(SqsAsyncClient sqs, QueueUrls queueUrls, DeadLetterQueues queues) {
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.queues = queues;
    }

    /** The names of the managed dead-letter queues ({@code push}, {@code webhook}), sorted. */
    public SortedSet<String> queues() {
        return new TreeSet<>(queues.names());
    }

    /** Up to {@code max} messages of the queue, left in place. */
    public List<Letter> peek(String queue, int max) throws Exception {
        return queues.peek(queue, max).stream().map(Letter::of).toList();
    }

    /** Moves up to {@code max} messages back to the source queue; returns how many it moved. */
    public int redrive(String queue, int max) throws Exception {
        return queues.redrive(queue, max);
    }

    /** Moves one message back to the source queue; false when it is not in the dead-letter queue (any more). */
    public boolean redriveOne(String queue, String messageId) throws Exception {
        return queues.redriveOne(queue, messageId);
    }

    public void send(String deadLetterQueue, String body, Map<String, MessageAttributeValue> attributes, String reason)
            throws Exception {
        var withReason = new HashMap<>(attributes);
        withReason.put(
                REASON,
                MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue(reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                        .build());
        // SQS allows ten attributes a message; the reason must fit beside the others. The trace context's go first:
        // what the message is about matters more than which trace it continues.
        var tracing = MessageTracing.FIELDS.reversed().iterator();
        while (withReason.size() > MessageTracing.MAX_ATTRIBUTES) {
            String next = tracing.hasNext() ? tracing.next() : null;
            if (next == null) {
                withReason.keySet().stream()
                        .filter(k -> !k.equals(REASON))
                        .findFirst()
                        .ifPresent(withReason::remove);
            } else {
                withReason.remove(next);
            }
        }
        String url = queueUrls.urlOf(deadLetterQueue, TIMEOUT);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(withReason))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A dead-lettered message as an operator sees it.
     *
     * @param reason why the service dead-lettered it; null when SQS did, after the source queue's receive limit
     */
    public record Letter(
            String messageId,
            String body,
            Map<String, String> attributes,
            @Nullable String reason,
            @Nullable Integer approximateReceiveCount,
            @Nullable Instant sentAt) {

        static Letter of(DeadLetterQueues.DeadLetter letter) {
            var attributes = new LinkedHashMap<>(letter.attributes());
            String reason = attributes.remove(REASON);
            return new Letter(
                    letter.messageId(),
                    letter.body(),
                    attributes,
                    reason,
                    letter.approximateReceiveCount(),
                    letter.sentAt());
        }
    }
}
