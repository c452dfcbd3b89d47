package org.orderbridge.shipment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.orderbridge.order.Order;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.Orders;
import org.orderbridge.push.PushRequests;
import org.orderbridge.shopify.ShopifyFulfillments;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator lets a HELD shipment go: Shopify releases the holds this app placed on its items and opens their
 * scheduled fulfillment orders, and the shipment is offered to the push queue at once. Shopify is called outside any
 * transaction; the shipment is recorded in a short one afterwards.
 */
@Component
class ShipmentReleases {

    private final ShipmentRepository repository;
    private final Orders orders;
    private final ShopifyFulfillments shopify;
    private final PushRequests pushRequests;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ShipmentReleases(
            ShipmentRepository repository,
            Orders orders,
            ShopifyFulfillments shopify,
            PushRequests pushRequests,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.repository = repository;
        this.orders = orders;
        this.shopify = shopify;
        this.pushRequests = pushRequests;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * @throws IllegalShipmentTransitionException when the shipment is not HELD
     * @throws ShipmentExceptions.ReleaseRefused when Shopify's holds are not this app's, or Shopify refuses
     * @throws ShopifyUnavailableException when Shopify stayed unreachable
     */
    ShipmentView release(OrderId orderId, String shipmentId) {
        Shipment shipment = repository
                .findByOrderIdAndShipmentId(orderId.value(), shipmentId)
                .orElseThrow(() ->
                        new ShipmentExceptions.ShipmentNotFound("Order " + orderId + " has no shipment " + shipmentId));
        if (shipment.status() != ShipmentStatus.HELD) {
            throw new IllegalShipmentTransitionException(shipmentId, shipment.status(), "released");
        }
        // A HELD shipment has been read against Shopify's order, so the order has its Shopify id.
        String orderGid = orders.find(orderId).map(Order::shopifyGid).orElseThrow();
        String refusal = shopify.release(shipment.shopDomain(), orderGid, ShipmentPushHandler.items(shipment));
        if (refusal != null) {
            throw new ShipmentExceptions.ReleaseRefused(shipmentId, refusal);
        }
        return transactions.execute(status -> {
            Shipment held = repository.findForUpdate(shipment.id()).orElseThrow();
            if (held.status() == ShipmentStatus.HELD) {
                held.releaseRequested(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
                pushRequests.request(Shipments.PUSH_KIND, held.id());
            }
            return ShipmentView.of(held);
        });
    }
}
