package org.orderbridge.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.QueueUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Webhooks acknowledged to Shopify but not yet applied, as gauges: the queue's message count (waiting and in flight),
 * and the age of the oldest message. SQS reports that age only to CloudWatch, so this instance takes it from the
 * messages its listener receives; while it receives nothing, the backlog it last saw simply grows older.
 */
@Component
class WebhookBacklog {

    private static final Logger log = LoggerFactory.getLogger(WebhookBacklog.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long NONE = Long.MAX_VALUE;

    private final SqsAsyncClient sqs;
    private final QueueUrls queueUrls;
    private final WebhookProperties properties;
    private final Clock clock;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong oldestSentSinceRefresh = new AtomicLong(NONE);
    private long refreshedAt;

    WebhookBacklog(
            SqsAsyncClient sqs, QueueUrls queueUrls, WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.properties = properties;
        this.clock = clock;
        this.refreshedAt = clock.millis();
        Gauge.builder("orderbridge.webhooks.backlog", messages, AtomicLong::get)
                .description("Messages on the webhook queue, waiting or being processed")
                .register(meters);
        Gauge.builder("orderbridge.webhooks.oldest.age", oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest webhook message on the queue, as this instance last saw it")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Called by the listener for every message it receives. */
    void received(Message message) {
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        if (sent != null) {
            oldestSentSinceRefresh.accumulateAndGet(Long.parseLong(sent), Math::min);
        }
    }

    @Scheduled(fixedDelay = 15, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
    void refresh() {
        long count;
        try {
            String url = queueUrls.urlOf(properties.queue(), TIMEOUT);
            var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                            .attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .attributes();
            count = number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            // The readiness probe reports an unreachable queue; the gauges keep their last values meanwhile.
            log.debug("Webhook queue attributes unavailable: {}", e.toString());
            return;
        }
        long now = clock.millis();
        long oldestSent = oldestSentSinceRefresh.getAndSet(NONE);
        if (count == 0) {
            oldestAgeMillis.set(0);
        } else if (oldestSent != NONE) {
            oldestAgeMillis.set(Math.max(0, now - oldestSent));
        } else {
            oldestAgeMillis.addAndGet(now - refreshedAt);
        }
        messages.set(count);
        refreshedAt = now;
    }

    private static long number(@Nullable String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
