package org.orderbridge.webhook;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.orderbridge.fulfillmentservice.FulfillmentRequests;
import org.orderbridge.order.ForeignShopOrderException;
import org.orderbridge.order.Orders;
import org.orderbridge.shipment.Shipments;
import org.orderbridge.shop.ComplianceRequests;
import org.orderbridge.shop.ComplianceTopic;
import org.orderbridge.shop.ErasedShops;
import org.orderbridge.shop.InstallationCheck;
import org.orderbridge.shop.UntrustedComplianceRequest;
import org.orderbridge.shopify.ShopifyProductChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
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
    private final ShopifyProductChanges products;
    private final Shipments shipments;
    private final WebhookMetrics metrics;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ErasedShops erasedShops;
    private final ComplianceRequests compliance;
    private final FulfillmentRequests fulfillmentRequests;

    WebhookProcessor(
            DeliveryLog deliveries,
            Orders orders,
            ShopifyProductChanges products,
            Shipments shipments,
            WebhookMetrics metrics,
            ObjectMapper mapper,
            Clock clock,
            ErasedShops erasedShops,
            ComplianceRequests compliance,
            FulfillmentRequests fulfillmentRequests) {
        this.fulfillmentRequests = fulfillmentRequests;
        this.deliveries = deliveries;
        this.orders = orders;
        this.products = products;
        this.shipments = shipments;
        this.metrics = metrics;
        this.mapper = mapper;
        this.clock = clock;
        this.erasedShops = erasedShops;
        this.compliance = compliance;
    }

    /**
     * A delivery of an erased shop, whenever it was queued (a re-drive, a replayed body), is dropped before anything of
     * it is recorded: its record would name the shop, and its effect would undo the erasure.
     *
     * @param installation what Shopify answered, before this transaction, on whether the app is still installed in
     *     the shop: asked for shop/redact only
     */
    @Transactional
    WebhookOutcome process(WebhookDelivery delivery, @Nullable InstallationCheck installation) {
        if (erasedShops.drops(
                delivery.shopDomain(),
                "webhook",
                ReplayWindow.parse(delivery.triggeredAt()).orElse(null))) {
            return WebhookOutcome.ERASED_SHOP;
        }
        WebhookTopic topic = WebhookTopic.of(delivery.topic())
                .orElseThrow(
                        () -> new UnprocessableWebhookException("topic '" + delivery.topic() + "' is not handled"));
        JsonNode payload = ShopifyPayloads.parse(mapper, delivery.payload());
        Instant now = clock.instant();
        if (!deliveries.claim(delivery, now)) {
            return WebhookOutcome.DUPLICATE;
        }
        WebhookOutcome outcome = deliveries.eventSeen(delivery)
                ? WebhookOutcome.DUPLICATE_EVENT
                : apply(topic, delivery, payload, installation, now);
        deliveries.record(delivery, outcome);
        return outcome;
    }

    private WebhookOutcome apply(
            WebhookTopic topic,
            WebhookDelivery delivery,
            JsonNode payload,
            @Nullable InstallationCheck installation,
            Instant now) {
        String shop = delivery.shopDomain();
        if (topic.carriesOrder()) {
            return applyOrder(shop, payload);
        }
        return switch (topic) {
            // Shopify was asked before this transaction began whether the order is really gone.
            case ORDERS_DELETE ->
                orders.markDeletedInShopify(shop, ShopifyPayloads.requiredId(payload, "id"))
                        ? WebhookOutcome.DELETED
                        : WebhookOutcome.NOT_FOUND;
            case FULFILLMENTS_CREATE, FULFILLMENTS_UPDATE ->
                shipments.applyShopifyFulfillment(ShopifyPayloads.fulfillment(shop, payload))
                        ? WebhookOutcome.UPDATED
                        : WebhookOutcome.STALE;
            case FULFILLMENT_ORDERS_HOLD_RELEASED, FULFILLMENT_ORDERS_SCHEDULED_FULFILLMENT_ORDER_READY -> {
                // The payload names the fulfillment order, not its order: every HELD shipment of the shop asks
                // Shopify again now rather than at its next check.
                shipments.recheckHeld(shop);
                yield WebhookOutcome.RECORDED;
            }
            // What the push learnt about the product's SKUs may be stale now.
            case PRODUCTS_UPDATE -> {
                var change = ShopifyPayloads.product(payload);
                products.productUpdated(shop, change.productId(), change.variantIds(), change.skus());
                yield WebhookOutcome.RECORDED;
            }
            case APP_UNINSTALLED, CUSTOMERS_DATA_REQUEST, CUSTOMERS_REDACT, SHOP_REDACT ->
                handOver(topic, delivery, payload, installation, now);
            // What is left to ship of the order changed in Shopify: its figures are read again.
            case ORDERS_EDITED ->
                shipments.leftToShipChanged(shop, ShopifyPayloads.editedOrderId(payload))
                        ? WebhookOutcome.UPDATED
                        : WebhookOutcome.NOT_FOUND;
            case REFUNDS_CREATE ->
                shipments.leftToShipChanged(shop, ShopifyPayloads.requiredId(payload, "order_id"))
                        ? WebhookOutcome.UPDATED
                        : WebhookOutcome.NOT_FOUND;
            case FULFILLMENT_ORDERS_CANCELLED,
                    FULFILLMENT_ORDERS_MOVED,
                    FULFILLMENT_ORDERS_SPLIT,
                    FULFILLMENT_ORDERS_MERGED ->
                shipments.fulfillmentOrdersChanged(ShopifyPayloads.fulfillmentOrderGids(payload)) > 0
                        ? WebhookOutcome.UPDATED
                        : WebhookOutcome.NOT_FOUND;
            // The fulfillment service's requests: recorded, and answered by the shop's rule or an operator.
            case FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED ->
                fulfillmentRequests.fulfillmentRequested(
                                shop,
                                ShopifyPayloads.requestedFulfillmentOrder(payload),
                                null,
                                ShopifyPayloads.merchantMessage(payload))
                        ? WebhookOutcome.RECORDED
                        : WebhookOutcome.STALE;
            case FULFILLMENT_ORDERS_CANCELLATION_REQUEST_SUBMITTED ->
                fulfillmentRequests.cancellationRequested(shop, ShopifyPayloads.requestedFulfillmentOrder(payload))
                        ? WebhookOutcome.RECORDED
                        : WebhookOutcome.NOT_FOUND;
            default -> throw new IllegalStateException("unhandled topic " + topic);
        };
    }

    private WebhookOutcome applyOrder(String shop, JsonNode payload) {
        var snapshot = ShopifyPayloads.order(shop, payload);
        MDC.put("shopifyOrderId", String.valueOf(snapshot.shopifyOrderId()));
        try {
            return switch (orders.applyShopifySnapshot(snapshot)) {
                case CREATED -> WebhookOutcome.CREATED;
                case UPDATED -> WebhookOutcome.UPDATED;
                case LINKED -> WebhookOutcome.LINKED;
                case STALE -> WebhookOutcome.STALE;
            };
        } catch (ForeignShopOrderException e) {
            throw new UntrustedWebhookException(e.getMessage());
        }
    }

    /** The shop feature owns what a compliance request does; a payload it cannot trust is dead-lettered. */
    private WebhookOutcome handOver(
            WebhookTopic topic,
            WebhookDelivery delivery,
            JsonNode payload,
            @Nullable InstallationCheck installation,
            Instant now) {
        ComplianceTopic complianceTopic = ComplianceTopic.of(topic.topic()).orElseThrow();
        try {
            return switch (compliance.apply(
                    complianceTopic, delivery.shopDomain(), delivery.webhookId(), payload, installation, now)) {
                case RECORDED -> WebhookOutcome.RECORDED;
                case REDACTED -> WebhookOutcome.REDACTED;
                case PARKED -> {
                    metrics.compliancePark();
                    yield WebhookOutcome.PARKED;
                }
            };
        } catch (UntrustedComplianceRequest e) {
            throw new UntrustedWebhookException(e.reason());
        }
    }
}
