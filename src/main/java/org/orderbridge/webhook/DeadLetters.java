package org.orderbridge.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.orderbridge.platform.QueueUrls;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import org.springframework.stereotype.Component;

/**
 * Moves a message that can never succeed to the dead-letter queue at once, with the reason, instead of
 * letting it burn through every redelivery first.
 */
@Component
class DeadLetters {

    static final String REASON = "ob-dead-letter-reason";

    private final SqsAsyncClient sqs;
    private final WebhookProperties properties;
    private final QueueUrls queueUrls;

    DeadLetters(SqsAsyncClient sqs, WebhookProperties properties, QueueUrls queueUrls) {
        this.sqs = sqs;
        this.properties = properties;
        this.queueUrls = queueUrls;
    }

    void send(String body, Map<String, MessageAttributeValue> attributes, String reason) throws Exception {
        Duration timeout = Duration.ofSeconds(10);
        var withReason = new HashMap<>(attributes);
        withReason.put(REASON, MessageAttributeValue.builder().dataType("String")
                .stringValue(reason.length() > 1000 ? reason.substring(0, 1000) : reason).build());
        // SQS allows ten attributes a message; the reason must fit beside ours.
        while (withReason.size() > 10) {
            withReason.keySet().stream().filter(k -> !k.equals(REASON)).findFirst().ifPresent(withReason::remove);
        }
        String url = queueUrls.urlOf(properties.deadLetterQueue(), timeout);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(withReason))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
