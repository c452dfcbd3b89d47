package org.orderbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How a delivery is written to and read from the webhook queue. Our own messages carry the payload as the
 * body and the Shopify headers as message attributes; Shopify's EventBridge integration puts an event on the
 * same queue with the payload and the headers inside {@code detail}. Both read back as one
 * {@link WebhookDelivery}.
 */
final class WebhookQueueMessages {

    static final String FORMAT = "ob-format";
    static final String FORMAT_HTTP = "shopify-http";
    static final String CLAIM_CHECK = "ob-claim-check";
    static final String TOPIC = "shopify-topic";
    static final String SHOP = "shopify-shop-domain";
    static final String WEBHOOK_ID = "shopify-webhook-id";
    static final String EVENT_ID = "shopify-event-id";
    static final String TRIGGERED_AT = "shopify-triggered-at";
    static final String API_VERSION = "shopify-api-version";

    private WebhookQueueMessages() {}

    static Map<String, MessageAttributeValue> attributes(WebhookDelivery delivery, @Nullable UUID claimCheck) {
        var attributes = new HashMap<String, MessageAttributeValue>();
        put(attributes, FORMAT, FORMAT_HTTP);
        put(attributes, TOPIC, delivery.topic());
        put(attributes, SHOP, delivery.shopDomain());
        put(attributes, WEBHOOK_ID, delivery.webhookId());
        put(attributes, EVENT_ID, delivery.eventId());
        put(attributes, TRIGGERED_AT, delivery.triggeredAt());
        put(attributes, API_VERSION, delivery.apiVersion());
        if (claimCheck != null) {
            put(attributes, CLAIM_CHECK, claimCheck.toString());
        }
        return attributes;
    }

    private static void put(Map<String, MessageAttributeValue> attributes, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            attributes.put(
                    name,
                    MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(value)
                            .build());
        }
    }

    /**
     * Reads an EventBridge event ({@code detail.metadata} holds the X-Shopify headers, {@code detail.payload}
     * the order or other resource).
     *
     * @throws UnprocessableWebhookException when the body is neither format
     */
    static WebhookDelivery fromEventBridge(String body, ObjectMapper mapper) {
        JsonNode event;
        try {
            event = mapper.readTree(body);
        } catch (Exception e) {
            throw new UnprocessableWebhookException("message is neither an OrderBridge delivery nor JSON");
        }
        JsonNode detail = event == null ? null : event.get("detail");
        if (detail == null
                || !detail.path("metadata").isObject()
                || !detail.path("payload").isObject()) {
            throw new UnprocessableWebhookException("message is neither an OrderBridge delivery nor a Shopify "
                    + "EventBridge event (detail.metadata and detail.payload)");
        }
        JsonNode metadata = detail.get("metadata");
        String topic = header(metadata, ShopifyHeaders.TOPIC);
        String shop = header(metadata, ShopifyHeaders.SHOP);
        String webhookId = header(metadata, ShopifyHeaders.WEBHOOK_ID);
        if (topic == null || shop == null || webhookId == null) {
            throw new UnprocessableWebhookException(
                    "EventBridge event lacks X-Shopify-Topic, X-Shopify-Shop-Domain or X-Shopify-Webhook-Id");
        }
        byte[] payload = detail.get("payload").toString().getBytes(StandardCharsets.UTF_8);
        return new WebhookDelivery(
                topic,
                shop,
                webhookId,
                header(metadata, ShopifyHeaders.EVENT_ID),
                header(metadata, ShopifyHeaders.TRIGGERED_AT),
                header(metadata, ShopifyHeaders.API_VERSION),
                payload);
    }

    /**
     * EventBridge keeps the header names as Shopify sent them, whose case varies between topics; their values
     * must have the form Shopify gives them, as on the HTTP path.
     */
    private static @Nullable String header(JsonNode metadata, String name) {
        for (var field : metadata.properties()) {
            if (field.getKey().equalsIgnoreCase(name) && field.getValue().isString()) {
                String value = field.getValue().asString();
                if (!ShopifyHeaders.isWellFormed(name, value)) {
                    throw new UnprocessableWebhookException(
                            "EventBridge event's " + name + " is not in Shopify's form");
                }
                return value;
            }
        }
        return null;
    }
}
