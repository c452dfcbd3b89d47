package org.orderbridge.push;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import org.orderbridge.order.OrderId;
import org.orderbridge.platform.QueueUrls;
import org.springframework.stereotype.Component;

/**
 * Consumes the push queue. Returning acknowledges the message; throwing leaves it for a later receive with
 * a growing visibility timeout, and after the queue's maxReceiveCount SQS moves it to the dead-letter queue,
 * from where an operator re-drives it.
 */
@Component
class PushListener {

    private static final Logger log = LoggerFactory.getLogger(PushListener.class);

    private final PushWorker worker;
    private final ObjectMapper mapper;
    private final SqsAsyncClient sqs;
    private final QueueUrls queueUrls;
    private final PushProperties properties;

    PushListener(PushWorker worker, ObjectMapper mapper, SqsAsyncClient sqs, QueueUrls queueUrls,
            PushProperties properties) {
        this.worker = worker;
        this.mapper = mapper;
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.properties = properties;
    }

    @SqsListener(value = "${orderbridge.push.queue}", factory = PushListenerConfiguration.FACTORY)
    void onMessage(Message message) throws Exception {
        OrderId id;
        try {
            id = PushMessages.orderId(message.body(), mapper);
        } catch (IllegalArgumentException e) {
            deadLetter(message, e.getMessage());
            return;
        }
        MDC.put("orderId", id.toString());
        try {
            worker.push(id);
        } finally {
            MDC.remove("orderId");
        }
    }

    /** A message that can never succeed goes to the dead-letter queue at once, with the reason. */
    private void deadLetter(Message message, String reason) throws Exception {
        log.warn("Dead-lettering push message {}: {}", message.messageId(), reason);
        Duration timeout = Duration.ofSeconds(10);
        String url = queueUrls.urlOf(properties.deadLetterQueue(), timeout);
        var attributes = Map.of(DeadLetterQueues.REASON,
                MessageAttributeValue.builder().dataType("String").stringValue(reason).build());
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(message.body()).messageAttributes(attributes))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
