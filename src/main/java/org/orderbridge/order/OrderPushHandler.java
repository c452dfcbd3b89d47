package org.orderbridge.order;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.push.PushHandler;
import org.orderbridge.push.PushTiming;
import org.orderbridge.shopify.CreateOrderOptions;
import org.orderbridge.shopify.OrderDraft;
import org.orderbridge.shopify.PushOutcome;
import org.orderbridge.shopify.ShopifyOrders;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Pushes one order to Shopify. Runs outside any transaction: the order is read in one short transaction,
 * Shopify is called with no database connection held, and the answer is recorded in another. Only the holder of
 * the order's push lease (a row-level lease in PostgreSQL) talks to Shopify about it, so duplicate messages, an
 * admin's re-push and other instances wait their turn instead of pushing at the same time; and whether a create
 * may already have reached Shopify is recorded before the create leaves, so that every later attempt, on any
 * instance and after any crash, looks the order up before creating it.
 */
@Component
class OrderPushHandler implements PushHandler {

    static final String KIND = "order";

    private static final Logger log = LoggerFactory.getLogger(OrderPushHandler.class);
    private static final String INSTANCE = instanceName();

    private final Orders orders;
    private final ShopifyOrders shopify;
    private final MeterRegistry meters;
    private final PushTiming timing;

    OrderPushHandler(Orders orders, ShopifyOrders shopify, MeterRegistry meters, PushTiming timing) {
        if (timing.deadline().compareTo(shopify.longestRequest()) < 0) {
            // Every push would end before its first request; better not to start than to fail every order quietly.
            throw new IllegalStateException("orderbridge.push.deadline (" + timing.deadline()
                    + ") is shorter than one Shopify request may take (" + shopify.longestRequest()
                    + ", orderbridge.shopify.connect-timeout plus read-timeout): no push could send anything");
        }
        this.orders = orders;
        this.shopify = shopify;
        this.meters = meters;
        this.timing = timing;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * @throws SubjectBusyException when another worker holds the order's lease, with how long it still runs
     * @throws RetryLaterException when the push should be tried again later (the order keeps the error as its last
     *     error)
     */
    @Override
    public void handle(UUID subjectId, long deadlineNanos) {
        OrderId id = new OrderId(subjectId);
        MDC.put("orderId", id.toString());
        // The lease is taken only on a pending order, so a message whose order was pushed, parked, cancelled or
        // erased since it was sent needs no read first: without a lease, busyOrSettled tells which it was.
        Optional<PushLease> lease =
                orders.leasePush(id, INSTANCE + "/" + UUID.randomUUID(), timing.visibilityTimeout());
        if (lease.isEmpty()) {
            busyOrSettled(id);
            return;
        }
        try {
            pushLeased(lease.get(), deadlineNanos);
        } finally {
            release(lease.get());
        }
    }

    /** Returns when the order is settled; throws when another worker is pushing it. */
    private void busyOrSettled(OrderId id) {
        if (orders.find(id).map(Order::isPushable).orElse(false)) {
            outcome("busy");
            throw new SubjectBusyException(
                    "Order " + id + " is being pushed by another worker", orders.pushLeaseRemaining(id));
        }
        outcome("skipped");
    }

    private void pushLeased(PushLease lease, long deadlineNanos) {
        OrderId id = lease.orderId();
        // Read again under the lease: what was read before it may have been settled by the previous holder.
        Optional<Order> found = orders.find(id).filter(Order::isPushable);
        if (found.isEmpty()) {
            outcome("skipped");
            return;
        }
        Order order = found.get();
        // The push listener's log lines name the shop, and it clears the MDC after the message.
        MDC.put("shop", order.shopDomain());
        if (!shopify.knowsShop(order.shopDomain())) {
            settle(id, () -> orders.markPushFailed(id, "Shop " + order.shopDomain() + " is no longer connected"));
            outcome("rejected");
            return;
        }
        var options = new CreateOrderOptions(
                Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())), lease.createAttempted(), () -> {
                    if (!orders.recordCreateAttempt(lease)) {
                        throw new LeaseLostException(id);
                    }
                });
        PushOutcome outcome;
        try {
            outcome = shopify.createOrder(draft(order), options);
        } catch (ShopifyUnavailableException e) {
            outcome("unavailable");
            settle(id, () -> orders.recordPushError(id, "Shopify unavailable: " + e.getMessage()));
            throw new RetryLaterException(e, e.retryAfterHint());
        } catch (LeaseLostException e) {
            // Outlived its lease (a pause longer than the deadline allows), or the order was settled meanwhile:
            // whoever holds it now, or the settled state, decides; this worker sent nothing.
            log.warn("Push of order {} stopped before its create: {}", id, e.getMessage());
            busyOrSettled(id);
            return;
        }
        switch (outcome) {
            case PushOutcome.Created created -> {
                outcome("pushed");
                settle(id, () -> {
                    if (orders.markPushed(
                            id,
                            created.shopifyGid(),
                            created.shopifyLegacyId(),
                            created.name(),
                            CommercialDrafts.totals(created.totals()))) {
                        log.warn("Shopify's totals of order {} differ from the order's", id);
                        meters.counter("orderbridge.push.totals.mismatch", "shop", order.shopDomain())
                                .increment();
                    }
                });
            }
            case PushOutcome.Rejected rejected -> {
                outcome("rejected");
                log.warn("Shopify rejected order {}: {}", id, rejected.reason());
                settle(id, () -> orders.markPushFailed(id, rejected.reason()));
            }
            // Parked at once: only the merchant's catalogue (or a corrected order) helps.
            case PushOutcome.UnresolvedSku unresolved -> {
                outcome("unresolved_sku");
                String reason = "SKU not resolved in Shopify: " + unresolved.reason();
                log.warn("Order {} names SKUs Shopify cannot resolve: {}", id, unresolved.reason());
                settle(id, () -> orders.markPushFailed(id, reason));
            }
            // Parked at once like any refusal: only restocking helps, and the merchant has to learn of it now rather
            // than after the push queue's retries have run out.
            case PushOutcome.OutOfStock outOfStock -> {
                outcome("out_of_stock");
                String reason = "Out of stock in Shopify: " + outOfStock.reason();
                log.warn("Shopify refused order {} for lack of stock: {}", id, outOfStock.reason());
                settle(id, () -> orders.markPushFailed(id, reason));
            }
        }
    }

    private void outcome(String outcome) {
        meters.counter("orderbridge.push.outcome", "outcome", outcome).increment();
    }

    /** A release that fails (database gone) is harmless: the lease runs out by itself. */
    private void release(PushLease lease) {
        try {
            orders.releasePushLease(lease);
        } catch (RuntimeException e) {
            log.warn("Push lease of order {} not released, it expires by itself: {}", lease.orderId(), e.toString());
        }
    }

    /** Names the lease holder in the row, for whoever looks at a stuck lease. */
    private static String instanceName() {
        String name = System.getenv().getOrDefault("HOSTNAME", "local") + "/"
                + ProcessHandle.current().pid();
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    static final class LeaseLostException extends RuntimeException {

        LeaseLostException(OrderId id) {
            super("the push lease of order " + id + " expired or the order is no longer pending", null, false, false);
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
                .map(l -> new OrderDraft.Line(
                        l.sku(),
                        l.variantId(),
                        l.title(),
                        l.quantity(),
                        l.unitPrice(),
                        l.requiresShipping(),
                        l.taxable()))
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
                order.tags(),
                CommercialDrafts.of(order));
    }

    private static OrderDraft.@Nullable Address address(@Nullable Address a) {
        return a == null
                ? null
                : new OrderDraft.Address(
                        a.firstName(),
                        a.lastName(),
                        a.company(),
                        a.address1(),
                        a.address2(),
                        a.city(),
                        a.provinceCode(),
                        a.zip(),
                        a.countryCode(),
                        a.phone());
    }
}
