package org.orderbridge.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    DeadLetters(SqsAsyncClient sqs, QueueUrls queueUrls) {
        this.sqs = sqs;
        this.queueUrls = queueUrls;
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
        // SQS allows ten attributes a message; the reason must fit beside the others.
        while (withReason.size() > 10) {
            withReason.keySet().stream()
                    .filter(k -> !k.equals(REASON))
                    .findFirst()
                    .ifPresent(withReason::remove);
        }
        String url = queueUrls.urlOf(deadLetterQueue, TIMEOUT);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(withReason))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
