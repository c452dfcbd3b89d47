package org.orderbridge.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.orderbridge.fulfillmentservice.FulfillmentRequests;
import org.orderbridge.order.CustomerOrders;
import org.orderbridge.order.ForeignShopOrderException;
import org.orderbridge.order.Orders;
import org.orderbridge.shipment.Shipments;
import org.orderbridge.shop.DataRequests;
import org.orderbridge.shop.ErasedShops;
import org.orderbridge.shop.Erasures;
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
    private final ShopRecords shops;
    private final ShopErasure erasure;
    private final ShopifyProductChanges products;
    private final Shipments shipments;
    private final WebhookMetrics metrics;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ErasedShops erasedShops;
    private final Erasures erasures;
    private final CustomerOrders customerOrders;
    private final DataRequests dataRequests;
    private final FulfillmentRequests fulfillmentRequests;

    WebhookProcessor(
            DeliveryLog deliveries,
            Orders orders,
            ShopRecords shops,
            ShopErasure erasure,
            ShopifyProductChanges products,
            Shipments shipments,
            WebhookMetrics metrics,
            ObjectMapper mapper,
            Clock clock,
            ErasedShops erasedShops,
            Erasures erasures,
            CustomerOrders customerOrders,
            DataRequests dataRequests,
            FulfillmentRequests fulfillmentRequests) {
        this.fulfillmentRequests = fulfillmentRequests;
        this.erasedShops = erasedShops;
        this.erasures = erasures;
        this.customerOrders = customerOrders;
        this.dataRequests = dataRequests;
        this.deliveries = deliveries;
        this.orders = orders;
        this.shops = shops;
        this.erasure = erasure;
        this.products = products;
        this.shipments = shipments;
        this.metrics = metrics;
        this.mapper = mapper;
        this.clock = clock;
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
        if (erasedShops.drops(delivery.shopDomain(), "webhook")) {
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
            case APP_UNINSTALLED -> {
                var uninstall = boundToShop(topic, delivery, payload);
                shops.markUninstalled(shop, uninstall.shopId(), now);
                yield WebhookOutcome.RECORDED;
            }
            case CUSTOMERS_DATA_REQUEST -> {
                var request = boundToShop(topic, delivery, payload);
                int exported = answerDataRequest(delivery, request, now);
                shops.recordCompliance(delivery, request.customerId(), exported, now);
                yield WebhookOutcome.RECORDED;
            }
            case CUSTOMERS_REDACT -> {
                var request = boundToShop(topic, delivery, payload);
                long customer = Objects.requireNonNull(request.customerId());
                int redacted = orders.redactCustomer(shop, customer, request.orderIds());
                erasures.eraseCustomer(shop, customer, request.orderIds());
                // The audit record of an erasure keeps no trace of whom it erased.
                shops.recordCompliance(delivery, null, redacted, now);
                log.info("Redacted customer data from {} orders of shop {}", redacted, shop);
                yield WebhookOutcome.REDACTED;
            }
            case SHOP_REDACT ->
                redactShop(
                        delivery,
                        boundToShop(topic, delivery, payload),
                        Objects.requireNonNull(installation, "shop/redact is processed only once Shopify was asked"),
                        now);
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

    /**
     * Exports what is held for the customer as the order API shows it, kept for the operator who hands it to the
     * merchant.
     *
     * @return how many orders the export holds
     */
    private int answerDataRequest(WebhookDelivery delivery, CompliancePayload request, Instant now) {
        long customer = Objects.requireNonNull(request.customerId());
        var held = customerOrders.export(delivery.shopDomain(), customer, request.orderIds());
        var export = new LinkedHashMap<String, Object>();
        export.put("shop", delivery.shopDomain());
        export.put("customerId", customer);
        export.put("ordersRequested", request.orderIds());
        export.put("orders", held);
        dataRequests.record(
                delivery.shopDomain(), customer, delivery.webhookId(), mapper.writeValueAsString(export), now);
        return held.size();
    }

    private CompliancePayload boundToShop(WebhookTopic topic, WebhookDelivery delivery, JsonNode payload) {
        var request = CompliancePayload.read(topic, delivery.shopDomain(), payload);
        if (!shops.bindShopId(delivery.shopDomain(), request.shopId())) {
            throw new UntrustedWebhookException(
                    topic.topic() + " payload names another shop_id than the one known for the shop");
        }
        return request;
    }

    /**
     * Erases the shop only when it has really left. Shopify sends shop/redact 48 hours after the app was uninstalled,
     * and uninstalling revokes the app's access token: so Shopify refusing the token is the proof, and a shop whose
     * token Shopify still accepts waits for an operator, since a replayed or late body must not wipe a live (perhaps
     * reinstalled) shop. A shop without a configured token cannot be asked: it is erased once app/uninstalled was seen
     * and no later install cleared it, or when it holds no orders (a repeated shop/redact after the erasure, which took
     * the record of the uninstall with it); otherwise it waits too.
     */
    private WebhookOutcome redactShop(
            WebhookDelivery delivery, CompliancePayload request, InstallationCheck installation, Instant now) {
        String shop = delivery.shopDomain();
        @Nullable String parkedBecause = switch (installation.installation()) {
            case UNINSTALLED -> null;
            case INSTALLED -> {
                shops.markInstalled(shop, installation.askedAt());
                yield "Shopify still accepts the app's access token: the app is installed";
            }
            case NOT_CONNECTED ->
                shops.isUninstalled(shop) || !orders.holdsOrdersOf(shop)
                        ? null
                        : "no app/uninstalled was seen and no access token is configured to ask Shopify";
        };
        if (parkedBecause != null) {
            shops.park(delivery, request.shopId(), parkedBecause, now);
            metrics.compliancePark();
            log.warn("Parked shop/redact for {}: {}; an operator must confirm it", shop, parkedBecause);
            return WebhookOutcome.PARKED;
        }
        int erased = erasure.erase(shop, request.shopId());
        shops.recordCompliance(delivery, null, erased, now);
        log.info("Erased shop {}: {} orders", shop, erased);
        return WebhookOutcome.REDACTED;
    }
}
