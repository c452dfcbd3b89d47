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
 * Consumes the push queue and hands each message to the {@link PushHandler} of its kind. A message is acknowledged
 * once its push is done (pushed, refused, nothing to do). A message whose subject another worker is pushing is put
 * back, unacknowledged, for a while: that is not a failure. A push that Shopify could not take for now puts its
 * message back for a growing, jittered time, or as long as Shopify asked if that is longer; after the queue's
 * maxReceiveCount SQS moves it to the dead-letter queue, from where an operator re-drives it. Anything else thrown
 * takes the container's error path (the same growing backoff). Hence manual acknowledgement: "put back" needs a return
 * that does not acknowledge.
 */
@Component
class PushListener {

    private static final Logger log = LoggerFactory.getLogger(PushListener.class);

    private final Map<String, PushHandler> handlers;
    private final ObjectMapper mapper;
    private final DeadLetters deadLetters;
    private final PushProperties properties;

    PushListener(List<PushHandler> handlers, ObjectMapper mapper, DeadLetters deadLetters, PushProperties properties) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(PushHandler::kind, h -> h));
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
        PushMessages.Push push;
        try {
            push = PushMessages.read(message.body(), mapper);
        } catch (IllegalArgumentException e) {
            deadLetter(message, Objects.requireNonNullElse(e.getMessage(), "unreadable push message"));
            acknowledgement.acknowledge();
            return;
        }
        PushHandler handler = handlers.get(push.kind());
        if (handler == null) {
            deadLetter(message, "push message of unknown kind '" + push.kind() + "'");
            acknowledgement.acknowledge();
            return;
        }
        @Nullable Map<String, String> context = MDC.getCopyOfContextMap();
        MDC.put("pushKind", push.kind());
        MDC.put("pushSubject", push.subjectId().toString());
        try {
            handler.handle(push.subjectId(), deadline);
            acknowledgement.acknowledge();
        } catch (PushHandler.SubjectBusyException e) {
            busy(push, attempt, visibility, e);
        } catch (PushHandler.RetryLaterException e) {
            int seconds = retrySeconds(properties.retry(), attempt, e.notSooner());
            FailedAttempts.logged(
                    log, subject(push), attempt, properties.retry().maxReceives(), true, e.failure());
            visibility.changeTo(seconds);
        } catch (Exception e) {
            throw FailedAttempts.logged(
                    log,
                    subject(push),
                    attempt,
                    properties.retry().maxReceives(),
                    e instanceof ShopifyUnavailableException,
                    e);
        } finally {
            // Whatever the handler added goes with its message.
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
        }
    }

    private void deadLetter(Message message, String reason) throws Exception {
        log.warn("Dead-lettering push message {}: {}", message.messageId(), reason);
        // With its attributes, so that a re-drive continues the message's trace.
        deadLetters.send(properties.deadLetterQueue(), message.body(), message.messageAttributes(), reason);
    }

    private void busy(PushMessages.Push push, int attempt, Visibility visibility, PushHandler.SubjectBusyException e) {
        Duration leaseRemaining = e.leaseRemaining();
        if (leaseRemaining != null) {
            int seconds = busyBackoffSeconds(
                    properties.leaseBusyBackoff(), properties.visibilityTimeout(), attempt, leaseRemaining);
            log.debug(
                    "{} {} is leased by another worker; message back in {} s", push.kind(), push.subjectId(), seconds);
            visibility.changeTo(seconds);
            return;
        }
        if (attempt < properties.retry().maxReceives()) {
            log.debug("{} {} is being pushed by another worker; the message waits", push.kind(), push.subjectId());
            throw FailedAttempts.alreadyLogged(e);
        }
        throw FailedAttempts.logged(
                log, subject(push), attempt, properties.retry().maxReceives(), true, e);
    }

    /** What the failed attempt's log line is about; the handler put the shop into the MDC once it knew it. */
    private static String subject(PushMessages.Push push) {
        String shop = MDC.get("shop");
        return "Push of " + push.kind() + " " + push.subjectId() + " (shop " + (shop == null ? "unknown" : shop) + ")";
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
}
