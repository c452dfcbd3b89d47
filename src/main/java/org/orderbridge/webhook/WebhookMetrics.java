package org.orderbridge.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

@Component
class WebhookMetrics {

    private final MeterRegistry registry;
    private final Timer acknowledgement;
    // Looked up once: a registry look-up per acknowledgement builds and hashes a meter id each time.
    private final Counter received;
    private final Map<WebhookTopic, Counter> enqueued = new EnumMap<>(WebhookTopic.class);

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.acknowledgement = Timer.builder("orderbridge.webhooks.acknowledgement")
                .description("Time from receiving a webhook to SQS accepting it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.received = counter("orderbridge.webhooks.received");
        for (WebhookTopic topic : WebhookTopic.values()) {
            enqueued.put(topic, counter("orderbridge.webhooks.enqueued", "topic", topic.topic()));
        }
    }

    Timer.Sample received() {
        received.increment();
        return Timer.start(registry);
    }

    void enqueued(WebhookTopic topic, Timer.Sample sample) {
        sample.stop(acknowledgement);
        // The constructor registered a counter for every topic.
        Objects.requireNonNull(enqueued.get(topic)).increment();
    }

    void rejected(String reason) {
        counter("orderbridge.webhooks.rejected", "reason", reason).increment();
    }

    /** Topics we do not handle share one series: the header is not signed, so it must not create new ones. */
    void dropped() {
        counter("orderbridge.webhooks.dropped", "topic", "unhandled").increment();
    }

    /** A signed delivery triggered before the replay window: a replay, or a retry Shopify would no longer send. */
    void stale() {
        counter("orderbridge.webhooks.stale").increment();
    }

    /** A signed delivery without a readable X-Shopify-Triggered-At, which Shopify always sends. */
    void triggeredAtMissing() {
        counter("orderbridge.webhooks.triggered_at_missing").increment();
    }

    void processed(String topic, WebhookOutcome outcome) {
        counter(
                        "orderbridge.webhooks.processed",
                        "topic",
                        topic,
                        "outcome",
                        outcome.name().toLowerCase())
                .increment();
    }

    /** A shop/redact that waits for an operator; alarmed on, since Shopify expects the erasure within 30 days. */
    void compliancePark() {
        counter("orderbridge.webhooks.compliance_parked").increment();
    }

    /** Processing failed for a reason a later attempt may not have; SQS delivers the message again. */
    void failed(String topic) {
        counter("orderbridge.webhooks.failed", "topic", topic.length() > 64 ? "other" : topic)
                .increment();
    }

    void deadLettered(String reason) {
        counter("orderbridge.webhooks.dead_lettered", "reason", reason).increment();
    }

    private Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }
}
