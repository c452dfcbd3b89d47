package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.push.PushHandler;
import org.orderbridge.push.PushTiming;
import org.orderbridge.shopify.ShopifyCancellations;
import org.orderbridge.shopify.ShopifyCancellations.CancelCommand;
import org.orderbridge.shopify.ShopifyCancellations.CancelOutcome;
import org.orderbridge.shopify.ShopifyCancellations.OrderInShopify;
import org.orderbridge.shopify.ShopifyOrders;
import org.orderbridge.shopify.ShopifyUnavailableException;

/**
 * The push of a cancellation to Shopify, on stand-ins for the order service and Shopify: re-delivered messages and
 * retries after a lost answer or a crash read the order (and Shopify's job) first and never send a second orderCancel
 * for an order Shopify cancels or is cancelling.
 */
@Tag("unit")
class OrderCancelHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String GID = "gid://shopify/Order/1001";
    private static final String JOB = "gid://shopify/Job/7";

    private final Orders orders = mock(Orders.class);
    private final ShopifyCancellations shopify = mock(ShopifyCancellations.class);
    private final ShopifyOrders shops = mock(ShopifyOrders.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OrderCancelHandler handler = new OrderCancelHandler(
            orders,
            shopify,
            shops,
            meters,
            new PushTiming(Duration.ofSeconds(90), Duration.ofSeconds(120)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Order order = OrderFixtures.inStatus(OrderStatus.PUSHED);

    @BeforeEach
    void pushedOrderWithACancellationRequested() {
        order.requestCancel(new CancelRequest(CancelReason.CUSTOMER, true, true, false, "phoned"), NOW);
        given(orders.find(order.id())).willReturn(Optional.of(order));
        given(shops.knowsShop(order.shopDomain())).willReturn(true);
        given(orders.recordCancelAttempt(any())).willReturn(true);
    }

    @Test
    void sendsOrderCancelAsAskedAndRecordsShopifysCancellation() {
        leased(null);
        inShopify(null, cancelledAt(NOW));
        given(shopify.cancel(any(), any())).willReturn(new CancelOutcome.Accepted(JOB, false));

        handler.handle(order.id().value(), deadline());

        then(shopify)
                .should()
                .cancel(eq(new CancelCommand(order.shopDomain(), GID, "CUSTOMER", true, true, false, "phoned")), any());
        then(orders).should().cancelSent(order.id(), JOB);
        then(orders).should().cancelConfirmed(order.id(), NOW, "customer");
        assertThat(outcome("cancelled")).isEqualTo(1);
    }

    @Test
    void aJobStillRunningBringsTheMessageBackToLookAgain() {
        leased(null);
        inShopify(null, null);
        given(shopify.cancel(any(), any())).willReturn(new CancelOutcome.Accepted(JOB, false));

        assertThatThrownBy(() -> handler.handle(order.id().value(), deadline()))
                .isInstanceOf(PushHandler.RetryLaterException.class)
                .satisfies(e -> assertThat(((PushHandler.RetryLaterException) e).notSooner())
                        .isEqualTo(OrderCancelHandler.JOB_POLL));
        then(orders).should().cancelSent(order.id(), JOB);
    }

    @Test
    void aRedeliveryAfterTheJobCancelledTheOrderSendsNothing() {
        order.cancelSent(JOB, NOW);
        leased(NOW.minusSeconds(5));
        inShopify(cancelledAt(NOW), cancelledAt(NOW));

        handler.handle(order.id().value(), deadline());

        then(shopify).should(never()).cancel(any(), any());
        then(orders).should().cancelConfirmed(order.id(), NOW, "customer");
    }

    @Test
    void aRedeliveryWhileTheJobRunsWaitsForItInsteadOfSendingAgain() {
        order.cancelSent(JOB, NOW);
        leased(NOW.minusSeconds(5));
        inShopify(null, null);
        given(shopify.jobDone(anyString(), eq(JOB), any())).willReturn(false);

        assertThatThrownBy(() -> handler.handle(order.id().value(), deadline()))
                .isInstanceOf(PushHandler.RetryLaterException.class);

        then(shopify).should(never()).cancel(any(), any());
        then(orders).should(never()).recordCancelAttempt(any());
    }

    @Test
    void aRetryAfterALostAnswerGivesTheJobTimeBeforeSendingAgain() {
        leased(NOW.minusSeconds(10));
        inShopify(null, null);

        assertThatThrownBy(() -> handler.handle(order.id().value(), deadline()))
                .isInstanceOf(PushHandler.RetryLaterException.class)
                .satisfies(e -> assertThat(((PushHandler.RetryLaterException) e).notSooner())
                        .isEqualTo(OrderCancelHandler.JOB_GRACE.minusSeconds(10)));
        then(shopify).should(never()).cancel(any(), any());
    }

    @Test
    void aLostAnswerLongAgoThatCancelledNothingIsSentAgain() {
        leased(NOW.minus(OrderCancelHandler.JOB_GRACE).minusSeconds(1));
        inShopify(null, cancelledAt(NOW));
        given(shopify.cancel(any(), any())).willReturn(new CancelOutcome.Accepted(JOB, true));

        handler.handle(order.id().value(), deadline());

        then(shopify).should().cancel(any(), any());
        then(orders).should().cancelConfirmed(order.id(), NOW, "customer");
    }

    @Test
    void anAnswerLostInTransitIsRetriedLaterNotRecordedAsRefused() {
        leased(null);
        inShopify(null, null);
        given(shopify.cancel(any(), any()))
                .willThrow(new ShopifyUnavailableException("reset", Duration.ofSeconds(1), null));

        assertThatThrownBy(() -> handler.handle(order.id().value(), deadline()))
                .isInstanceOf(PushHandler.RetryLaterException.class);

        then(orders).should().recordCancelAttempt(any());
        then(orders).should(never()).cancelRefused(any(), anyString());
    }

    @Test
    void shopifysRefusalIsRecordedOnTheOrder() {
        leased(null);
        inShopify(null, null);
        given(shopify.cancel(any(), any()))
                .willReturn(new CancelOutcome.Refused(
                        "orderId: Order has fulfillments that must be cancelled first", java.util.List.of("INVALID")));

        handler.handle(order.id().value(), deadline());

        then(orders)
                .should()
                .cancelRefused(
                        order.id(),
                        "Shopify refused the cancellation (INVALID): orderId: Order has fulfillments that must be cancelled"
                                + " first");
    }

    @Test
    void aRefusalBecauseAnEarlierJobCancelledTheOrderMeanwhileIsDone() {
        leased(NOW.minus(OrderCancelHandler.JOB_GRACE).minusSeconds(1));
        inShopify(null, cancelledAt(NOW));
        given(shopify.cancel(any(), any()))
                .willReturn(
                        new CancelOutcome.Refused("Order has already been cancelled", java.util.List.of("INVALID")));

        handler.handle(order.id().value(), deadline());

        then(orders).should().cancelConfirmed(order.id(), NOW, "customer");
        then(orders).should(never()).cancelRefused(any(), anyString());
    }

    @Test
    void aMessageForAnOrderWithNothingToCancelIsAcknowledgedWithoutShopify() {
        given(orders.leaseCancel(eq(order.id()), anyString(), any())).willReturn(Optional.empty());
        Order settled = OrderFixtures.inStatus(OrderStatus.PUSHED);
        given(orders.find(order.id())).willReturn(Optional.of(settled));

        handler.handle(order.id().value(), deadline());

        then(shopify).shouldHaveNoInteractions();
        assertThat(outcome("skipped")).isEqualTo(1);
    }

    @Test
    void aMessageWhileAnotherWorkerHoldsTheLeaseComesBackLater() {
        given(orders.leaseCancel(eq(order.id()), anyString(), any())).willReturn(Optional.empty());
        given(orders.pushLeaseRemaining(order.id())).willReturn(Duration.ofSeconds(30));

        assertThatThrownBy(() -> handler.handle(order.id().value(), deadline()))
                .isInstanceOf(PushHandler.SubjectBusyException.class);
        then(shopify).shouldHaveNoInteractions();
    }

    @Test
    void aWithdrawnOrderThatNeverReachedShopifyIsDoneWithoutOrderCancel() {
        Order withdrawn = withdrawnDuringAPush();
        given(shopify.find(
                        eq(withdrawn.shopDomain()), eq(null), eq(withdrawn.id().value()), any()))
                .willReturn(Optional.empty());

        handler.handle(withdrawn.id().value(), deadline());

        then(orders).should().cancelConfirmed(withdrawn.id(), null, null);
        then(shopify).should(never()).cancel(any(), any());
    }

    @Test
    void aWithdrawalDuringAPushThatCreatedTheOrderCancelsTheCopyFoundByOurId() {
        Order withdrawn = withdrawnDuringAPush();
        given(shopify.find(eq(withdrawn.shopDomain()), any(), eq(withdrawn.id().value()), any()))
                .willReturn(Optional.of(shown(null)))
                .willReturn(Optional.of(shown(NOW)));
        given(shopify.cancel(any(), any())).willReturn(new CancelOutcome.Accepted(JOB, false));

        handler.handle(withdrawn.id().value(), deadline());

        then(shopify)
                .should()
                .cancel(eq(new CancelCommand(withdrawn.shopDomain(), GID, "OTHER", true, false, false, null)), any());
        then(orders).should().cancelConfirmed(withdrawn.id(), NOW, "customer");
    }

    /** Withdrawn while its create may have reached Shopify, its cancellation there under way and its lease ours. */
    private Order withdrawnDuringAPush() {
        Order withdrawn = OrderFixtures.accepted();
        withdrawn.withdraw(null, true, NOW);
        given(orders.find(withdrawn.id())).willReturn(Optional.of(withdrawn));
        given(shops.knowsShop(withdrawn.shopDomain())).willReturn(true);
        given(orders.leaseCancel(eq(withdrawn.id()), anyString(), any()))
                .willReturn(Optional.of(lease(withdrawn, null)));
        return withdrawn;
    }

    private void leased(@Nullable Instant sentAt) {
        given(orders.leaseCancel(eq(order.id()), anyString(), any())).willReturn(Optional.of(lease(order, sentAt)));
    }

    private static CancelLease lease(Order order, @Nullable Instant sentAt) {
        return new CancelLease(new PushLease(order.id(), "me", NOW.plusSeconds(120), sentAt != null), sentAt);
    }

    /** What Shopify shows on the first read, and on every read after it. */
    private void inShopify(@Nullable Instant first, @Nullable Instant after) {
        given(shopify.find(eq(order.shopDomain()), any(), eq(order.id().value()), any()))
                .willReturn(Optional.of(shown(first)))
                .willReturn(Optional.of(shown(after)));
    }

    private static OrderInShopify shown(@Nullable Instant cancelledAt) {
        return new OrderInShopify(GID, 1001L, cancelledAt, cancelledAt == null ? null : "CUSTOMER");
    }

    private static @Nullable Instant cancelledAt(Instant at) {
        return at;
    }

    private static long deadline() {
        return System.nanoTime() + Duration.ofSeconds(60).toNanos();
    }

    private double outcome(String outcome) {
        return meters.counter("orderbridge.cancel.outcome", "outcome", outcome).count();
    }
}
