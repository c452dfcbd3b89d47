package org.orderbridge.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.QueueUrls;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Lists and re-drives the messages in the push and webhook dead-letter queues. */
@Component
class DeadLetterQueues {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Long enough to send a batch on and delete it; a redrive that dies meanwhile leaves them in place. */
    private static final int REDRIVE_VISIBILITY_SECONDS = 30;
    /** Ten messages a round: far more than a dead-letter queue holds while it is watched and alarmed on. */
    private static final int MAX_ERASURE_ROUNDS = 1000;

    private final SqsAsyncClient sqs;
    private final QueueUrls queueUrls;
    private final Map<String, DeadLetterQueue> queues;
    private final ErasedShopLetters erased;

    DeadLetterQueues(SqsAsyncClient sqs, QueueUrls queueUrls, List<DeadLetterQueue> queues, ErasedShopLetters erased) {
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.erased = erased;
        this.queues = queues.stream().collect(Collectors.toUnmodifiableMap(DeadLetterQueue::name, q -> q));
    }

    Set<String> names() {
        return queues.keySet();
    }

    /**
     * Looks at up to {@code max} messages without taking them: they are received with visibility timeout 0,
     * so they stay available (their receive count in the dead-letter queue grows, which nothing reads).
     */
    List<DeadLetter> peek(String queue, int max) throws Exception {
        String url = queueUrls.urlOf(pair(queue).deadLetterQueue(), TIMEOUT);
        var seen = new LinkedHashMap<String, DeadLetter>();
        for (int round = 0; round < 10 && seen.size() < max; round++) {
            int before = seen.size();
            for (Message message : receive(url, Math.min(10, max - seen.size()), 0)) {
                seen.putIfAbsent(message.messageId(), DeadLetter.of(message));
            }
            if (seen.size() == before) {
                break;
            }
        }
        return List.copyOf(seen.values()).subList(0, Math.min(max, seen.size()));
    }

    /**
     * Moves up to {@code max} messages back to their source queue: each is sent there before it is deleted. A letter of
     * an erased shop is deleted instead.
     */
    int redrive(String queue, int max) throws Exception {
        DeadLetterQueue pair = pair(queue);
        String dlq = queueUrls.urlOf(pair.deadLetterQueue(), TIMEOUT);
        String source = queueUrls.urlOf(pair.queue(), TIMEOUT);
        int moved = 0;
        while (moved < max) {
            List<Message> messages = receive(dlq, Math.min(10, max - moved), REDRIVE_VISIBILITY_SECONDS);
            if (messages.isEmpty()) {
                break;
            }
            for (Message message : messages) {
                if (moveUnlessErased(message, dlq, source)) {
                    moved++;
                }
            }
        }
        return moved;
    }

    /**
     * Moves the one message back to its source queue. The others received while looking for it are made visible
     * again at once rather than hidden for the re-drive's visibility timeout.
     *
     * @return false when the message is not (or no longer) in the dead-letter queue, or was of an erased shop and
     *     has been deleted
     */
    boolean redriveOne(String queue, String messageId) throws Exception {
        DeadLetterQueue pair = pair(queue);
        String dlq = queueUrls.urlOf(pair.deadLetterQueue(), TIMEOUT);
        String source = queueUrls.urlOf(pair.queue(), TIMEOUT);
        for (int round = 0; round < 10; round++) {
            List<Message> messages = receive(dlq, 10, REDRIVE_VISIBILITY_SECONDS);
            if (messages.isEmpty()) {
                return false;
            }
            Message found = null;
            for (Message message : messages) {
                if (message.messageId().equals(messageId)) {
                    found = message;
                } else {
                    sqs.changeMessageVisibility(b -> b.queueUrl(dlq)
                                    .receiptHandle(message.receiptHandle())
                                    .visibilityTimeout(0))
                            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            if (found != null) {
                return moveUnlessErased(found, dlq, source);
            }
        }
        return false;
    }

    /**
     * Deletes every message of every dead-letter queue that {@code matches}. Each is received (hidden) while the queue
     * is read through; the others are made visible again at the end.
     *
     * @return how many were deleted
     */
    int drop(Predicate<DeadLetter> matches) throws Exception {
        int dropped = 0;
        for (DeadLetterQueue pair : queues.values()) {
            String dlq = queueUrls.urlOf(pair.deadLetterQueue(), TIMEOUT);
            var kept = new ArrayList<String>();
            for (int round = 0; round < MAX_ERASURE_ROUNDS; round++) {
                List<Message> messages = receive(dlq, 10, REDRIVE_VISIBILITY_SECONDS);
                if (messages.isEmpty()) {
                    break;
                }
                for (Message message : messages) {
                    if (matches.test(DeadLetter.of(message))) {
                        sqs.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(message.receiptHandle()))
                                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        dropped++;
                    } else {
                        kept.add(message.receiptHandle());
                    }
                }
            }
            for (String receipt : kept) {
                sqs.changeMessageVisibility(
                                b -> b.queueUrl(dlq).receiptHandle(receipt).visibilityTimeout(0))
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return dropped;
    }

    /** @return false when the letter was of an erased shop: deleted rather than moved */
    private boolean moveUnlessErased(Message message, String dlq, String source) throws Exception {
        if (erased.drops(DeadLetter.of(message), "redrive")) {
            delete(dlq, message);
            return false;
        }
        move(message, dlq, source);
        return true;
    }

    private void delete(String dlq, Message message) throws Exception {
        sqs.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(message.receiptHandle()))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sent before it is deleted: a re-drive that dies between the two leaves a duplicate, never a loss. */
    private void move(Message message, String dlq, String source) throws Exception {
        var attributes = new HashMap<>(message.messageAttributes());
        attributes.remove(DeadLetters.REASON);
        sqs.sendMessage(b -> b.queueUrl(source).messageBody(message.body()).messageAttributes(attributes))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        sqs.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(message.receiptHandle()))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private List<Message> receive(String url, int count, int visibilitySeconds) throws Exception {
        return sqs.receiveMessage(b -> b.queueUrl(url)
                        .maxNumberOfMessages(count)
                        .waitTimeSeconds(0)
                        .visibilityTimeout(visibilitySeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.SENT_TIMESTAMP))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .messages();
    }

    private DeadLetterQueue pair(String queue) {
        DeadLetterQueue pair = queues.get(queue);
        if (pair == null) {
            throw new UnknownDeadLetterQueueException(queue, queues.keySet());
        }
        return pair;
    }

    /**
     * @param approximateReceiveCount receives in the source queue before SQS moved it, plus peeks since
     */
    record DeadLetter(
            String messageId,
            String body,
            Map<String, String> attributes,
            @Nullable Integer approximateReceiveCount,
            @Nullable Instant sentAt) {

        static DeadLetter of(Message message) {
            var attributes = new LinkedHashMap<String, String>();
            message.messageAttributes().forEach((name, value) -> attributes.put(name, text(value)));
            var system = message.attributes();
            String count = system.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
            String sent = system.get(MessageSystemAttributeName.SENT_TIMESTAMP);
            return new DeadLetter(
                    message.messageId(),
                    message.body(),
                    attributes,
                    count == null ? null : Integer.valueOf(count),
                    sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent)));
        }

        private static String text(MessageAttributeValue value) {
            return value.stringValue() != null ? value.stringValue() : "(binary)";
        }
    }
}
