package org.orderbridge.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern ORDER_ID = Pattern.compile("(?:gid://shopify/Order/)?([1-9]\\d{0,17})");

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

    /**
     * The order ids of customers/redact ({@code orders_to_redact}) or customers/data_request ({@code orders_requested}):
     * numbers, or strings holding a number or an order's GraphQL id. One that is none of these is not skipped, as an
     * order left unredacted would be a breach nobody notices: the delivery is unprocessable and goes, with the reason,
     * to the dead-letter queue.
     */
    static List<Long> ordersToRedact(JsonNode payload) {
        String field = payload.path("orders_to_redact").isArray() ? "orders_to_redact" : "orders_requested";
        var ids = new ArrayList<Long>();
        for (JsonNode id : payload.path(field)) {
            ids.add(orderId(id)
                    .orElseThrow(() -> new UnprocessableWebhookException(
                            "'" + field + "' holds an entry that is not an order id")));
        }
        return ids;
    }

    private static Optional<Long> orderId(JsonNode id) {
        if (id.isIntegralNumber() && id.canConvertToLong() && id.asLong() > 0) {
            return Optional.of(id.asLong());
        }
        if (id.isString()) {
            Matcher matcher = ORDER_ID.matcher(id.asString().strip());
            if (matcher.matches()) {
                return Optional.of(Long.parseLong(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
