package org.orderbridge.push;

import io.awspring.cloud.sqs.annotation.SqsListener;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

    private final Map<String, PushHandler> handlers;

    PushListener(
            PushWorker worker,
            ObjectMapper mapper,
            DeadLetters deadLetters,
            PushProperties properties,
            List<PushHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(PushHandler::kind, h -> h));
        this.worker = worker;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @SqsListener(value = "${orderbridge.push.queue}", factory = PushListenerConfiguration.FACTORY)
    void onMessage(Message message) throws Exception {
        if (handledByKind(message)) {
            return;
        }
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

    /** Messages of the other kinds go to their feature's handler; an order create returns false. */
    private boolean handledByKind(Message message) throws Exception {
        PushMessages.Other other;
        try {
            other = PushMessages.other(message.body(), mapper);
        } catch (IllegalArgumentException e) {
            other = new PushMessages.Other("invalid", new java.util.UUID(0, 0));
        }
        if (other == null) {
            return false;
        }
        PushHandler handler = handlers.get(other.kind());
        if (handler == null) {
            String reason = "push message of unknown kind '" + other.kind() + "' or without a valid id";
            log.warn("Dead-lettering push message {}: {}", message.messageId(), reason);
            deadLetters.send(properties.deadLetterQueue(), message.body(), Map.of(), reason);
            return true;
        }
        MDC.put("pushKind", other.kind());
        MDC.put("pushSubject", other.id().toString());
        try {
            handler.handle(other.id());
        } finally {
            MDC.remove("pushKind");
            MDC.remove("pushSubject");
        }
        return true;
    }
}
