package org.orderbridge.webhook;

import io.awspring.cloud.sqs.annotation.SqsListener;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.platform.FailedAttempts;
import org.orderbridge.platform.SqsListeners;
import org.orderbridge.shop.ComplianceRequests;
import org.orderbridge.shop.InstallationCheck;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.ObjectMapper;

/**
 * Consumes the webhook queue. Returning normally acknowledges (deletes) the message; throwing leaves it for
 * a later receive with a growing visibility timeout, and after the queue's maxReceiveCount SQS moves it to
 * the dead-letter queue.
 */
@Component
class WebhookListener {

    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);

    private final WebhookProcessor processor;
    private final PayloadStore payloads;
    private final DeadLetters deadLetters;
    private final WebhookMetrics metrics;
    private final ObjectMapper mapper;
    private final WebhookProperties properties;
    private final OrderDeletions deletions;
    private final WebhookBacklog backlog;
    private final ComplianceRequests compliance;

    WebhookListener(
            WebhookProcessor processor,
            PayloadStore payloads,
            DeadLetters deadLetters,
            WebhookMetrics metrics,
            ObjectMapper mapper,
            WebhookProperties properties,
            OrderDeletions deletions,
            WebhookBacklog backlog,
            ComplianceRequests compliance) {
        this.compliance = compliance;
        this.deletions = deletions;
        this.backlog = backlog;
        this.processor = processor;
        this.payloads = payloads;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.mapper = mapper;
        this.properties = properties;
    }

    @SqsListener(value = "${orderbridge.webhook.queue}", factory = WebhookListenerConfiguration.FACTORY)
    void onMessage(Message message) throws Exception {
        backlog.received(message);
        WebhookDelivery delivery;
        try {
            delivery = read(message);
        } catch (UnprocessableWebhookException e) {
            deadLetter(message, e);
            return;
        }
        MDC.put("webhookId", delivery.webhookId());
        MDC.put("topic", delivery.topic());
        MDC.put("shop", delivery.shopDomain());
        try {
            if (WebhookTopic.ORDERS_DELETE.topic().equals(delivery.topic())) {
                deletions.requireGoneFromShopify(delivery);
            }
            // Asked outside the delivery's transaction, so that no database connection waits on Shopify.
            InstallationCheck installation = WebhookTopic.SHOP_REDACT.topic().equals(delivery.topic())
                    ? compliance.askInstallation(delivery.shopDomain())
                    : null;
            WebhookOutcome outcome = processor.process(delivery, installation);
            metrics.processed(delivery.topic(), outcome);
            log.debug("Processed webhook: {}", outcome);
            claimCheck(message).ifPresent(payloads::delete);
        } catch (UnprocessableWebhookException e) {
            deadLetter(message, e);
        } catch (RuntimeException e) {
            metrics.failed(delivery.topic());
            throw FailedAttempts.logged(
                    log,
                    "Webhook " + delivery.webhookId() + " (" + delivery.topic() + ", shop " + delivery.shopDomain()
                            + ")",
                    SqsListeners.receiveCount(message),
                    properties.retry().maxReceives(),
                    e instanceof ShopifyUnavailableException,
                    e);
        } finally {
            MDC.remove("webhookId");
            MDC.remove("topic");
            MDC.remove("shop");
            MDC.remove("shopifyOrderId");
        }
    }

    private WebhookDelivery read(Message message) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        if (!WebhookQueueMessages.FORMAT_HTTP.equals(text(attributes, WebhookQueueMessages.FORMAT))) {
            return WebhookQueueMessages.fromEventBridge(message.body(), mapper);
        }
        String topic = text(attributes, WebhookQueueMessages.TOPIC);
        String shop = text(attributes, WebhookQueueMessages.SHOP);
        String webhookId = text(attributes, WebhookQueueMessages.WEBHOOK_ID);
        if (topic == null || shop == null || webhookId == null) {
            throw new UnprocessableWebhookException("message lacks the topic, shop or webhook id attribute");
        }
        byte[] payload = claimCheck(message)
                .map(id -> payloads.load(id)
                        .orElseThrow(
                                () -> new UnprocessableWebhookException("claim-checked payload " + id + " is gone")))
                .orElseGet(() -> message.body().getBytes(StandardCharsets.UTF_8));
        return new WebhookDelivery(
                topic,
                shop,
                webhookId,
                text(attributes, WebhookQueueMessages.EVENT_ID),
                text(attributes, WebhookQueueMessages.TRIGGERED_AT),
                text(attributes, WebhookQueueMessages.API_VERSION),
                payload);
    }

    private static java.util.Optional<UUID> claimCheck(Message message) {
        String id = text(message.messageAttributes(), WebhookQueueMessages.CLAIM_CHECK);
        try {
            return java.util.Optional.ofNullable(id).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableWebhookException("claim check '" + id + "' is not a UUID");
        }
    }

    private void deadLetter(Message message, UnprocessableWebhookException e) throws Exception {
        boolean untrusted = e instanceof UntrustedWebhookException;
        log.warn(
                "Dead-lettering {} message {}: {}",
                untrusted ? "untrusted" : "unprocessable",
                message.messageId(),
                e.getMessage());
        deadLetters.send(properties.deadLetterQueue(), message.body(), message.messageAttributes(), e.getMessage());
        metrics.deadLettered(untrusted ? "untrusted" : "unprocessable");
    }

    private static @Nullable String text(Map<String, MessageAttributeValue> attributes, String name) {
        MessageAttributeValue value = attributes.get(name);
        return value == null ? null : value.stringValue();
    }
}
