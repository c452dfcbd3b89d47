package org.orderbridge.push;

import java.util.List;
import java.util.Optional;
import org.orderbridge.order.Address;
import org.orderbridge.order.IllegalOrderTransitionException;
import org.orderbridge.order.Order;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.Orders;
import org.orderbridge.shopify.OrderDraft;
import org.orderbridge.shopify.PushOutcome;
import org.orderbridge.shopify.ShopifyOrders;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes one order to Shopify. Runs outside any transaction: the order is read in one short transaction,
 * Shopify is called with no database connection held, and the answer is recorded in another. Safe to run
 * twice for the same order: a settled order is skipped, and the client finds an order it created before by
 * our id instead of creating it again.
 */
@Component
class PushWorker {

    private static final Logger log = LoggerFactory.getLogger(PushWorker.class);

    private final Orders orders;
    private final ShopifyOrders shopify;
    private final PushMetrics metrics;

    PushWorker(Orders orders, ShopifyOrders shopify, PushMetrics metrics) {
        this.orders = orders;
        this.shopify = shopify;
        this.metrics = metrics;
    }

    /**
     * @throws ShopifyUnavailableException when the push should be tried again later (the order keeps the
     *         error as its last error)
     */
    void push(OrderId id) {
        Optional<Order> found = orders.find(id);
        if (found.isEmpty() || !found.get().isPushable()) {
            // Pushed, parked, cancelled or gone since the message was sent: nothing to do.
            metrics.outcome("skipped");
            return;
        }
        Order order = found.get();
        if (!shopify.knowsShop(order.shopDomain())) {
            settle(id, () -> orders.markPushFailed(id, "Shop " + order.shopDomain() + " is no longer connected"));
            metrics.outcome("rejected");
            return;
        }
        PushOutcome outcome;
        try {
            outcome = shopify.createOrder(draft(order));
        } catch (ShopifyUnavailableException e) {
            metrics.outcome("unavailable");
            settle(id, () -> orders.recordPushError(id, "Shopify unavailable: " + e.getMessage()));
            throw e;
        }
        switch (outcome) {
            case PushOutcome.Created created -> {
                metrics.outcome("pushed");
                settle(
                        id,
                        () -> orders.markPushed(id, created.shopifyGid(), created.shopifyLegacyId(), created.name()));
            }
            case PushOutcome.Rejected rejected -> {
                metrics.outcome("rejected");
                log.warn("Shopify rejected order {}: {}", id, rejected.reason());
                settle(id, () -> orders.markPushFailed(id, rejected.reason()));
            }
        }
    }

    /**
     * Records the push's result unless the order moved on while Shopify was answering: a webhook may have
     * linked it already, or a person cancelled it in the meantime, which needs that person's attention.
     */
    private static void settle(OrderId id, Runnable change) {
        try {
            change.run();
        } catch (IllegalOrderTransitionException e) {
            log.error("Push result for order {} not recorded, the order changed meanwhile: {}", id, e.getMessage());
        }
    }

    static OrderDraft draft(Order order) {
        var customer = order.customer();
        List<OrderDraft.Line> lines = order.lineItems().stream()
                .map(l -> new OrderDraft.Line(l.sku(), l.variantId(), l.title(), l.quantity(), l.unitPrice()))
                .toList();
        return new OrderDraft(
                order.shopDomain(),
                order.id().value(),
                customer == null ? null : customer.email(),
                customer == null ? null : customer.phone(),
                customer == null ? null : customer.firstName(),
                customer == null ? null : customer.lastName(),
                address(order.shippingAddress()),
                address(order.billingAddress()),
                order.currency(),
                lines,
                order.note(),
                order.tags());
    }

    private static OrderDraft.Address address(Address a) {
        return a == null
                ? null
                : new OrderDraft.Address(
                        a.firstName(),
                        a.lastName(),
                        a.company(),
                        a.address1(),
                        a.address2(),
                        a.city(),
                        a.province(),
                        a.provinceCode(),
                        a.zip(),
                        a.country(),
                        a.countryCode(),
                        a.phone());
    }
}
