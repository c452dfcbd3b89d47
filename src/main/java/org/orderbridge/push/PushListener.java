package org.orderbridge.push;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.annotation.SqsListenerAcknowledgementMode;
import io.awspring.cloud.sqs.listener.Visibility;
import io.awspring.cloud.sqs.listener.acknowledgement.Acknowledgement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.order.OrderId;
import org.orderbridge.platform.FailedAttempts;
import org.orderbridge.platform.SqsListeners;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.ObjectMapper;

/**
 * Consumes the push queue. A message is acknowledged once its push is done (pushed, refused, nothing to do). A
 * message whose order another worker is pushing is put back, unacknowledged, for a while: that is not a failure. A
 * push that Shopify could not take for now puts its message back for a growing, jittered time, or as long as Shopify
 * asked if that is longer; after the queue's maxReceiveCount SQS moves it to the dead-letter queue, from where an
 * operator re-drives it. Anything else thrown takes the container's error path (the same growing backoff). Hence
 * manual acknowledgement: "put back" needs a return that does not acknowledge.
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

    @SqsListener(
            value = "${orderbridge.push.queue}",
            factory = PushListenerConfiguration.FACTORY,
            acknowledgementMode = SqsListenerAcknowledgementMode.MANUAL)
    void onMessage(Message message, Acknowledgement acknowledgement, Visibility visibility) throws Exception {
        // Counted from here: the message became invisible at most a poll earlier, which the margin covers.
        long deadline = System.nanoTime() + properties.deadline().toNanos();
        int attempt = SqsListeners.receiveCount(message);
        try {
            if (handledByKind(message, attempt)) {
                acknowledgement.acknowledge();
                return;
            }
            OrderId id;
            try {
                id = PushMessages.orderId(message.body(), mapper);
            } catch (IllegalArgumentException e) {
                log.warn("Dead-lettering push message {}: {}", message.messageId(), e.getMessage());
                // PushMessages says what is wrong with the body in every exception it throws.
                deadLetters.send(
                        properties.deadLetterQueue(), message.body(), Map.of(), Objects.requireNonNull(e.getMessage()));
                acknowledgement.acknowledge();
                return;
            }
            MDC.put("orderId", id.toString());
            push(id, deadline, attempt, acknowledgement, visibility);
        } finally {
            MDC.remove("orderId");
            MDC.remove("shop");
        }
    }

    private void push(OrderId id, long deadline, int attempt, Acknowledgement acknowledgement, Visibility visibility) {
        PushWorker.Result result;
        try {
            result = worker.push(id, deadline);
        } catch (ShopifyUnavailableException e) {
            int seconds = retrySeconds(properties.retry(), attempt, e.retryAfterHint());
            FailedAttempts.logged(
                    log, subject("order", id), attempt, properties.retry().maxReceives(), true, e);
            visibility.changeTo(seconds);
            return;
        } catch (RuntimeException e) {
            throw FailedAttempts.logged(
                    log, subject("order", id), attempt, properties.retry().maxReceives(), false, e);
        }
        switch (result) {
            case PushWorker.Result.Done done -> acknowledgement.acknowledge();
            case PushWorker.Result.Busy busy -> {
                int seconds = busyBackoffSeconds(
                        properties.leaseBusyBackoff(), properties.visibilityTimeout(), attempt, busy.leaseRemaining());
                log.debug("Order {} is leased by another worker; message back in {} s", id, seconds);
                visibility.changeTo(seconds);
            }
        }
    }

    /** What the failed attempt's log line is about; the worker or handler put the shop into the MDC once it knew it. */
    private static String subject(String kind, Object id) {
        String shop = MDC.get("shop");
        return "Push of " + kind + " " + id + " (shop " + (shop == null ? "unknown" : shop) + ")";
    }

    /**
     * Doubling with each receive, so that a long-held lease does not use up the message's receives (at the queue's
     * maxReceiveCount SQS dead-letters it); never later than shortly after the lease runs out, in case its holder
     * died; jittered, so that the messages put back together do not come back together.
     */
    static int busyBackoffSeconds(
            Duration base, Duration visibilityTimeout, int receiveCount, Duration leaseRemaining) {
        long grown = base.toSeconds() << Math.min(Math.max(receiveCount - 1, 0), 16);
        long untilLeaseEnds = leaseRemaining.toSeconds() + 1;
        long cap = Math.max(1, Math.min(Math.min(grown, untilLeaseEnds), visibilityTimeout.toSeconds()));
        return (int) ThreadLocalRandom.current().nextLong((cap + 1) / 2, cap + 1);
    }

    /**
     * After a transient failure: the configured exponential backoff with full jitter, but never sooner than Shopify
     * asked. A wait longer than a push may sit out ends the push at once (retry.max-server-wait) and is kept here, in
     * the message's visibility, instead of in a sleeping worker; so the message's receives are not spent on attempts
     * Shopify would refuse.
     */
    static int retrySeconds(PushProperties.Retry retry, int receiveCount, @Nullable Duration shopifyAsked) {
        double grown = retry.initialBackoff().toSeconds() * Math.pow(retry.multiplier(), Math.max(receiveCount - 1, 0));
        long backoff = (long) Math.max(1, Math.min(grown, retry.maxBackoff().toSeconds()));
        long jittered = ThreadLocalRandom.current().nextLong(1, backoff + 1);
        long asked = shopifyAsked == null ? 0 : (shopifyAsked.toMillis() + 999) / 1000;
        return (int) Math.min(Visibility.MAX_VISIBILITY_TIMEOUT_SECONDS, Math.max(jittered, asked));
    }

    /** Messages of the other kinds go to their feature's handler; an order create returns false. */
    private boolean handledByKind(Message message, int attempt) throws Exception {
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
        } catch (PushHandler.SubjectBusyException e) {
            if (attempt < properties.retry().maxReceives()) {
                log.debug("{} {} is being pushed by another worker; the message waits", other.kind(), other.id());
                throw FailedAttempts.alreadyLogged(e);
            }
            throw FailedAttempts.logged(
                    log,
                    subject(other.kind(), other.id()),
                    attempt,
                    properties.retry().maxReceives(),
                    true,
                    e);
        } catch (Exception e) {
            throw FailedAttempts.logged(
                    log,
                    subject(other.kind(), other.id()),
                    attempt,
                    properties.retry().maxReceives(),
                    e instanceof ShopifyUnavailableException,
                    e);
        } finally {
            MDC.remove("pushKind");
            MDC.remove("pushSubject");
        }
        return true;
    }
}
