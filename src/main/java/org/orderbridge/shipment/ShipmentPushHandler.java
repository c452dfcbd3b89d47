package org.orderbridge.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.orderbridge.order.Order;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.Orders;
import org.orderbridge.push.PushHandler;
import org.orderbridge.shopify.ShopifyFulfillments;
import org.orderbridge.shopify.ShopifyFulfillments.FulfillmentOutcome;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Brings one shipment's state into Shopify: creates its fulfillments, then pushes a tracking change or a cancellation.
 * Holds the shipment's lease while it works and no transaction while Shopify answers; reads and records in short
 * transactions of their own. Safe to run again for the same shipment at any point.
 */
@Component
class ShipmentPushHandler implements PushHandler {

    private static final Logger log = LoggerFactory.getLogger(ShipmentPushHandler.class);

    private final ShipmentRepository repository;
    private final ShipmentLease lease;
    private final Orders orders;
    private final ShopifyFulfillments shopify;
    private final OrderLinesLeft linesLeft;
    private final ObjectMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ShipmentPushHandler(
            ShipmentRepository repository,
            ShipmentLease lease,
            Orders orders,
            ShopifyFulfillments shopify,
            OrderLinesLeft linesLeft,
            ObjectMapper mapper,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.repository = repository;
        this.lease = lease;
        this.orders = orders;
        this.shopify = shopify;
        this.linesLeft = linesLeft;
        this.mapper = mapper;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Shipments.PUSH_KIND;
    }

    @Override
    public void handle(UUID id, long deadlineNanos) {
        Optional<Shipment> found = repository.findById(id);
        if (found.isEmpty() || !found.get().needsPush()) {
            return;
        }
        // The push listener's log lines name the shop, and it clears the MDC after the message.
        MDC.put("shop", found.get().shopDomain());
        UUID token = UUID.randomUUID();
        if (!lease.claim(id, token)) {
            // Another worker has it; this message comes back later, when that one has finished.
            throw new ShipmentBusyException("Shipment " + id + " is being pushed by another worker");
        }
        try {
            work(id, token);
        } catch (ShipmentLease.LeaseLostException e) {
            log.warn("{}", e.getMessage());
        } catch (ShopifyUnavailableException e) {
            change(id, s -> s.recordError("Shopify unavailable: " + e.getMessage(), now()));
            throw e;
        } finally {
            lease.release(id, token);
        }
    }

    private void work(UUID id, UUID token) {
        Shipment shipment = repository.findById(id).orElseThrow();
        if (shipment.awaitsCreate()) {
            String orderGid = orders.find(new OrderId(shipment.orderId()))
                    .map(Order::shopifyGid)
                    .orElse(null);
            if (orderGid == null) {
                change(id, s -> s.awaitOrder(now()));
                return;
            }
            boolean everythingLeft = shipment.everythingLeft();
            Instant readAt = now();
            FulfillmentOutcome outcome = shopify.fulfil(request(shipment, orderGid), resolved -> {
                if (everythingLeft) {
                    lease.fixItems(id, token, json(resolved));
                }
                lease.journalCreate(id, token);
            });
            try {
                linesLeft.record(shipment.orderId(), outcome.left(), readAt);
            } catch (RuntimeException e) {
                // A figure for the order's view; Shopify's answer must be recorded on the shipment regardless.
                log.warn("What is left of order {} not recorded: {}", shipment.orderId(), e.toString());
            }
            switch (outcome) {
                case FulfillmentOutcome.Fulfilled fulfilled ->
                    change(id, s -> s.markFulfilled(refs(fulfilled.fulfillments()), now()));
                case FulfillmentOutcome.Waiting waiting -> change(id, s -> s.hold(waiting.reason(), now()));
                case FulfillmentOutcome.Refused refused -> {
                    log.warn("Shopify cannot fulfil shipment {}: {}", shipment.shipmentId(), refused.reason());
                    change(id, s -> s.markFailed(refused.reason(), refs(refused.fulfillments()), now()));
                }
            }
            shipment = repository.findById(id).orElseThrow();
        }
        if (shipment.status() == ShipmentStatus.FULFILLED && shipment.trackingPending()) {
            String refusal = shopify.updateTracking(
                    shipment.shopDomain(), gids(shipment), tracking(shipment), shipment.trackingNotify());
            change(id, s -> {
                if (refusal == null) {
                    s.trackingPushed(now());
                } else {
                    s.recordError("Shopify refused the tracking update: " + refusal, now());
                    s.trackingPushed(now());
                }
            });
            shipment = repository.findById(id).orElseThrow();
        }
        if (shipment.cancelRequested()) {
            Order order = orders.find(new OrderId(shipment.orderId())).orElseThrow();
            List<String> gids = gids(shipment);
            // Fulfillments exist only in Shopify's copy of the order, so the order has its Shopify id.
            String refusal = gids.isEmpty()
                    ? null
                    : shopify.cancel(shipment.shopDomain(), Objects.requireNonNull(order.shopifyGid()), gids);
            change(id, s -> {
                if (refusal == null) {
                    s.markCancelled(now());
                    linesLeft.forget(s.orderId());
                } else {
                    s.recordError("Shopify refused the cancellation: " + refusal, now());
                }
            });
        }
    }

    private void change(UUID id, Consumer<Shipment> change) {
        transactions.executeWithoutResult(
                status -> change.accept(repository.findById(id).orElseThrow()));
    }

    /** The items as they are stored: a shipment of everything left sends none, and Shopify's remainder is taken. */
    static List<ShopifyFulfillments.Item> items(Shipment shipment) {
        return shipment.everythingLeft()
                ? List.of()
                : shipment.items().stream()
                        .map(i -> new ShopifyFulfillments.Item(
                                i.shopifyLineItemId(), i.lineItem() - 1, i.sku(), i.quantity()))
                        .toList();
    }

    private static ShopifyFulfillments.FulfillmentRequest request(Shipment shipment, String orderGid) {
        return new ShopifyFulfillments.FulfillmentRequest(
                shipment.shopDomain(),
                orderGid,
                items(shipment),
                tracking(shipment),
                shipment.notifyCustomer(),
                shipment.createAttemptedAt() != null,
                shipment.locationGid());
    }

    private String json(List<ShopifyFulfillments.Item> resolved) {
        return mapper.writeValueAsString(resolved.stream()
                .map(i -> new ShipmentItem(i.position() + 1, i.sku(), i.shopifyLineItemId(), i.quantity()))
                .toList());
    }

    private static ShopifyFulfillments.Tracking tracking(Shipment shipment) {
        return new ShopifyFulfillments.Tracking(shipment.carrier(), shipment.trackingNumbers(), shipment.trackingUrl());
    }

    private static List<String> gids(Shipment shipment) {
        return shipment.fulfillments().stream()
                .filter(f -> !"cancelled".equalsIgnoreCase(f.status()))
                .map(ShopifyFulfillmentRef::gid)
                .toList();
    }

    private static List<ShopifyFulfillmentRef> refs(List<ShopifyFulfillments.CreatedFulfillment> created) {
        return created.stream()
                .map(c -> new ShopifyFulfillmentRef(
                        c.gid(), c.legacyId(), c.locationGid(), c.status().toLowerCase(), null))
                .toList();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static class ShipmentBusyException extends PushHandler.SubjectBusyException {
        ShipmentBusyException(String message) {
            super(message);
        }
    }
}
