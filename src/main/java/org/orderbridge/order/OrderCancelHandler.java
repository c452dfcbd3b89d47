package org.orderbridge.order;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.push.PushHandler;
import org.orderbridge.push.PushTiming;
import org.orderbridge.shopify.ShopifyCancellations;
import org.orderbridge.shopify.ShopifyCancellations.CancelOutcome;
import org.orderbridge.shopify.ShopifyCancellations.OrderInShopify;
import org.orderbridge.shopify.ShopifyOrders;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Cancels an order in Shopify, once, whatever is delivered twice or fails in between. Holds the order's lease (the
 * push's, so it waits for a create under way) and no transaction while Shopify answers. Shopify's {@code orderCancel}
 * runs as a job, so the order in Shopify is read before anything is sent: an order Shopify holds as cancelled is
 * done; one whose orderCancel was sent is given time for its job (read by its id, or for {@link #JOB_GRACE} when the
 * answer with the id was lost) before another is sent.
 */
@Component
class OrderCancelHandler implements PushHandler {

    static final String KIND = "order-cancel";

    /**
     * How long after an orderCancel whose answer was lost its job is given before another is sent: Shopify runs the
     * job in the background, in seconds rather than minutes, and a second orderCancel for an order that its job
     * cancels meanwhile is refused, not done twice.
     */
    static final Duration JOB_GRACE = Duration.ofMinutes(2);

    /** When the message comes back to look at Shopify's job again. */
    static final Duration JOB_POLL = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(OrderCancelHandler.class);

    private final Orders orders;
    private final ShopifyCancellations shopify;
    private final ShopifyOrders shops;
    private final MeterRegistry meters;
    private final PushTiming timing;
    private final Clock clock;

    OrderCancelHandler(
            Orders orders,
            ShopifyCancellations shopify,
            ShopifyOrders shops,
            MeterRegistry meters,
            PushTiming timing,
            Clock clock) {
        this.orders = orders;
        this.shopify = shopify;
        this.shops = shops;
        this.meters = meters;
        this.timing = timing;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(UUID subjectId, long deadlineNanos) {
        OrderId id = new OrderId(subjectId);
        MDC.put("orderId", id.toString());
        Optional<CancelLease> lease = orders.leaseCancel(id, "cancel/" + UUID.randomUUID(), timing.visibilityTimeout());
        if (lease.isEmpty()) {
            if (orders.find(id).map(Order::cancellationUnderWay).orElse(false)) {
                outcome("busy");
                throw new SubjectBusyException(
                        "Order " + id + " is leased by another worker", orders.pushLeaseRemaining(id));
            }
            outcome("skipped");
            return;
        }
        try {
            cancelLeased(id, lease.get(), deadlineNanos);
        } finally {
            try {
                orders.releasePushLease(lease.get().lease());
            } catch (RuntimeException e) {
                log.warn("Lease of order {} not released, it expires by itself: {}", id, e.toString());
            }
        }
    }

    private void cancelLeased(OrderId id, CancelLease lease, long deadlineNanos) {
        Optional<Order> found = orders.find(id).filter(Order::cancellationUnderWay);
        if (found.isEmpty()) {
            outcome("skipped");
            return;
        }
        Order order = found.get();
        MDC.put("shop", order.shopDomain());
        if (!shops.knowsShop(order.shopDomain())) {
            orders.cancelRefused(id, "Shop " + order.shopDomain() + " is no longer connected");
            outcome("refused");
            return;
        }
        try {
            Optional<OrderInShopify> inShopify =
                    shopify.find(order.shopDomain(), order.shopifyGid(), id.value(), budget(deadlineNanos));
            if (inShopify.isEmpty()) {
                notInShopify(order);
                return;
            }
            if (inShopify.get().cancelled()) {
                confirmed(id, inShopify.get());
                return;
            }
            if (lease.sentAt() != null) {
                waitForEarlierCancel(order, lease.sentAt(), deadlineNanos);
            }
            if (!orders.recordCancelAttempt(lease.lease())) {
                log.warn("Cancellation of order {} stopped before its orderCancel: the lease was lost", id);
                outcome("skipped");
                return;
            }
            send(order, inShopify.get(), deadlineNanos);
        } catch (ShopifyUnavailableException e) {
            outcome("unavailable");
            throw new RetryLaterException(e, e.retryAfterHint());
        }
    }

    /**
     * An orderCancel was sent before and the order is not cancelled yet: its job may still be running. Returns when
     * another may be sent; otherwise throws to look again later.
     */
    private void waitForEarlierCancel(Order order, Instant sentAt, long deadlineNanos) {
        String jobId = order.cancelJobId();
        if (jobId != null) {
            if (!shopify.jobDone(order.shopDomain(), jobId, budget(deadlineNanos))) {
                outcome("job_running");
                throw new RetryLaterException(new JobRunning(order.id(), jobId), JOB_POLL);
            }
            // Done without cancelling the order: Shopify's job failed; one more orderCancel says why, or cancels it.
            log.warn(
                    "Shopify's job {} ended without cancelling order {}; sending orderCancel again", jobId, order.id());
            return;
        }
        Duration since = Duration.between(sentAt, clock.instant());
        if (since.compareTo(JOB_GRACE) < 0) {
            outcome("answer_lost");
            throw new RetryLaterException(new JobRunning(order.id(), null), JOB_GRACE.minus(since));
        }
    }

    private void send(Order order, OrderInShopify inShopify, long deadlineNanos) {
        OrderId id = order.id();
        CancelRequest request = Objects.requireNonNull(order.cancelRequest(), "cancelRequest");
        CancelOutcome outcome = shopify.cancel(
                new ShopifyCancellations.CancelCommand(
                        order.shopDomain(),
                        inShopify.gid(),
                        request.reason().name(),
                        request.restock(),
                        request.refund(),
                        request.notifyCustomer(),
                        request.staffNote()),
                budget(deadlineNanos));
        switch (outcome) {
            case CancelOutcome.Accepted accepted -> {
                orders.cancelSent(id, accepted.jobId());
                // Shopify's job often has cancelled the order by now; if not, the message comes back to look again.
                Optional<OrderInShopify> after =
                        shopify.find(order.shopDomain(), inShopify.gid(), id.value(), budget(deadlineNanos));
                if (after.isPresent() && after.get().cancelled()) {
                    confirmed(id, after.get());
                    return;
                }
                outcome("sent");
                throw new RetryLaterException(new JobRunning(id, accepted.jobId()), JOB_POLL);
            }
            case CancelOutcome.Refused refused -> {
                // A job sent earlier may have cancelled the order meanwhile, which Shopify's refusal would then mean.
                Optional<OrderInShopify> after =
                        shopify.find(order.shopDomain(), inShopify.gid(), id.value(), budget(deadlineNanos));
                if (after.isPresent() && after.get().cancelled()) {
                    confirmed(id, after.get());
                    return;
                }
                log.warn("Shopify refused to cancel order {}: {}", id, refused.reason());
                outcome("refused");
                String codes = refused.codes().isEmpty() ? "" : " (" + String.join(", ", refused.codes()) + ")";
                orders.cancelRefused(id, "Shopify refused the cancellation" + codes + ": " + refused.reason());
            }
        }
    }

    private void notInShopify(Order order) {
        if (order.status() == OrderStatus.CANCELLED) {
            // Withdrawn while a push was under way, which did not create it after all: nothing to cancel there.
            orders.cancelConfirmed(order.id(), null, null);
            outcome("not_created");
            return;
        }
        outcome("refused");
        orders.cancelRefused(order.id(), "Shopify no longer holds the order");
    }

    private void confirmed(OrderId id, OrderInShopify inShopify) {
        outcome("cancelled");
        @Nullable String reason = inShopify.cancelReason();
        orders.cancelConfirmed(id, inShopify.cancelledAt(), reason == null ? null : reason.toLowerCase(Locale.ROOT));
    }

    private static Duration budget(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private void outcome(String outcome) {
        meters.counter("orderbridge.cancel.outcome", "outcome", outcome).increment();
    }

    /** Not a failure: Shopify's job is still to cancel the order; the message comes back to look. */
    static final class JobRunning extends RuntimeException {

        JobRunning(OrderId id, @Nullable String jobId) {
            super(
                    "Shopify's cancellation of order " + id
                            + (jobId == null ? " (answer lost)" : " (job " + jobId + ")") + " has not completed yet",
                    null,
                    false,
                    false);
        }
    }
}
