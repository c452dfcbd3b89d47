package org.orderbridge.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.orderbridge.order.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies one delivery. The delivery's record and its effect commit in one transaction: a redelivered or
 * duplicated webhook finds its record and changes nothing; a failure rolls both back for SQS to retry.
 */
@Component
class WebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

    private final DeliveryLog deliveries;
    private final Orders orders;
    private final ShopRecords shops;
    private final PayloadStore payloads;
    private final ObjectMapper mapper;
    private final Clock clock;

    WebhookProcessor(
            DeliveryLog deliveries,
            Orders orders,
            ShopRecords shops,
            PayloadStore payloads,
            ObjectMapper mapper,
            Clock clock) {
        this.deliveries = deliveries;
        this.orders = orders;
        this.shops = shops;
        this.payloads = payloads;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    WebhookOutcome process(WebhookDelivery delivery) {
        WebhookTopic topic = WebhookTopic.of(delivery.topic())
                .orElseThrow(
                        () -> new UnprocessableWebhookException("topic '" + delivery.topic() + "' is not handled"));
        JsonNode payload = parse(delivery.payload());
        Instant now = clock.instant();
        if (!deliveries.claim(delivery, now)) {
            return WebhookOutcome.DUPLICATE;
        }
        WebhookOutcome outcome =
                deliveries.eventSeen(delivery) ? WebhookOutcome.DUPLICATE_EVENT : apply(topic, delivery, payload, now);
        deliveries.record(delivery, outcome);
        return outcome;
    }

    private WebhookOutcome apply(WebhookTopic topic, WebhookDelivery delivery, JsonNode payload, Instant now) {
        String shop = delivery.shopDomain();
        if (topic.carriesOrder()) {
            var snapshot = ShopifyPayloads.order(shop, payload);
            MDC.put("shopifyOrderId", String.valueOf(snapshot.shopifyOrderId()));
            return switch (orders.applyShopifySnapshot(snapshot)) {
                case CREATED -> WebhookOutcome.CREATED;
                case UPDATED -> WebhookOutcome.UPDATED;
                case LINKED -> WebhookOutcome.LINKED;
                case STALE -> WebhookOutcome.STALE;
            };
        }
        return switch (topic) {
            case ORDERS_DELETE ->
                orders.markDeletedInShopify(shop, ShopifyPayloads.requiredId(payload, "id"))
                        ? WebhookOutcome.DELETED
                        : WebhookOutcome.NOT_FOUND;
            case FULFILLMENTS_CREATE, FULFILLMENTS_UPDATE -> {
                var fulfillment = ShopifyPayloads.fulfillment(payload);
                yield shops.upsertFulfillment(shop, fulfillment, json(fulfillment.trackingNumbers()))
                        ? WebhookOutcome.UPDATED
                        : WebhookOutcome.STALE;
            }
            case APP_UNINSTALLED -> {
                shops.markUninstalled(shop, now);
                yield WebhookOutcome.RECORDED;
            }
            case CUSTOMERS_DATA_REQUEST -> {
                // The merchant fulfils the request from the API's order data; we keep the audit record.
                shops.recordCompliance(
                        delivery, customerId(payload), ordersToRedact(payload).size(), now);
                yield WebhookOutcome.RECORDED;
            }
            case CUSTOMERS_REDACT -> {
                Long customerId = customerId(payload);
                int redacted = orders.redactCustomer(shop, customerId, ordersToRedact(payload));
                shops.recordCompliance(delivery, customerId, redacted, now);
                log.info("Redacted customer data from {} orders of shop {}", redacted, shop);
                yield WebhookOutcome.REDACTED;
            }
            case SHOP_REDACT -> {
                int erased = orders.redactShop(shop);
                shops.forgetShop(shop);
                payloads.deleteShop(shop);
                shops.recordCompliance(delivery, null, erased, now);
                log.info("Erased shop {}: {} orders", shop, erased);
                yield WebhookOutcome.REDACTED;
            }
            default -> throw new IllegalStateException("unhandled topic " + topic);
        };
    }

    private JsonNode parse(byte[] payload) {
        try {
            JsonNode json = mapper.readTree(payload);
            if (json == null || !json.isObject()) {
                throw new UnprocessableWebhookException("payload is not a JSON object");
            }
            return json;
        } catch (tools.jackson.core.JacksonException e) {
            throw new UnprocessableWebhookException("payload is not well-formed JSON");
        }
    }

    private static Long customerId(JsonNode payload) {
        return ShopifyPayloads.optionalId(payload.path("customer"), "id");
    }

    private static List<Long> ordersToRedact(JsonNode payload) {
        var ids = new ArrayList<Long>();
        for (JsonNode id : payload.path("orders_to_redact").isArray()
                ? payload.path("orders_to_redact")
                : payload.path("orders_requested")) {
            if (id.canConvertToLong()) {
                ids.add(id.asLong());
            }
        }
        return ids;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
