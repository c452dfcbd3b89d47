package org.orderbridge.push;

import io.awspring.cloud.sqs.annotation.SqsListener;
import java.util.Map;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.order.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.ObjectMapper;

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
    private final DeadLetters deadLetters;
    private final PushProperties properties;

    PushListener(PushWorker worker, ObjectMapper mapper, DeadLetters deadLetters, PushProperties properties) {
        this.worker = worker;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @SqsListener(value = "${orderbridge.push.queue}", factory = PushListenerConfiguration.FACTORY)
    void onMessage(Message message) throws Exception {
        OrderId id;
        try {
            id = PushMessages.orderId(message.body(), mapper);
        } catch (IllegalArgumentException e) {
            log.warn("Dead-lettering push message {}: {}", message.messageId(), e.getMessage());
            deadLetters.send(properties.deadLetterQueue(), message.body(), Map.of(), e.getMessage());
            return;
        }
        MDC.put("orderId", id.toString());
        try {
            worker.push(id);
        } finally {
            MDC.remove("orderId");
        }
    }
}
