package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.orderbridge.order.OrderFixtures.ACCEPTED_AT;
import static org.orderbridge.order.OrderFixtures.accepted;
import static org.orderbridge.order.OrderFixtures.inStatus;
import static org.orderbridge.order.OrderFixtures.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The order aggregate's state machine, without Spring or a database. */
@Tag("unit")
class OrderTest {

    private static final Instant LATER = ACCEPTED_AT.plusSeconds(3600);

    @Test
    void recordsNothingWhenShopifysTotalsEqualOursWrittenOtherwise() {
        Order order = accepted();
        order.markPushed("gid://shopify/Order/70", 70L, "#1070", LATER);
        var same = new OrderTotals(
                new BigDecimal("54.950"),
                BigDecimal.ZERO,
                new BigDecimal("0.00"),
                BigDecimal.ZERO,
                new BigDecimal("54.95"),
                "PENDING");

        assertThat(order.compareShopifyTotals(same, LATER)).isFalse();
        assertThat(order.totalsMismatch()).isNull();
        assertThat(order.compareShopifyTotals(
                        new OrderTotals(
                                new BigDecimal("54.95"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                new BigDecimal("54.95"),
                                "PAID"),
                        LATER))
                .isTrue();
        assertThat(order.totalsMismatch().summary()).isEqualTo("financial status PENDING ≠ PAID");
        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
        order.markTotalsMismatchSeen(LATER);
        assertThat(order.totalsMismatchSeenAt()).isEqualTo(LATER);
    }

    @Test
    void refusesToMarkSeenATotalsDifferenceThatThereIsNot() {
        assertThatThrownBy(() -> accepted().markTotalsMismatchSeen(LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("its totals in Shopify do not differ");
    }

    @Test
    void expectsNoTotalsOfAnOrderFromShopify() {
        assertThat(Order.fromShopify(snapshot(4711L, ACCEPTED_AT, "note"), ACCEPTED_AT)
                        .expectedTotals())
                .isNull();
    }

    @Test
    void acceptsApiOrderAsPendingPushWithTotalOfItsLines() {
        Order order = accepted();

        assertThat(order.source()).isEqualTo(OrderSource.API);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PUSH);
        assertThat(order.isPushable()).isTrue();
        // 2 × 19.90 + 3 × 5.05
        assertThat(order.totalPrice()).isEqualByComparingTo("54.95");
        assertThat(order.createdAt()).isEqualTo(ACCEPTED_AT);
        assertThat(order.updatedAt()).isEqualTo(ACCEPTED_AT);
        assertThat(order.shopifyOrderId()).isNull();
        assertThat(order.version()).isZero();
    }

    @Test
    void keepsItsOwnCopyOfLinesAndTagsAndTreatsMissingTagsAsNone() {
        var lines = new ArrayList<>(OrderFixtures.LINES);
        var tags = new ArrayList<>(List.of("a"));
        Order order = Order.accept(
                OrderId.newId(),
                OrderFixtures.SHOP,
                "ext-copy",
                OrderFixtures.ADA,
                OrderFixtures.LONDON,
                null,
                lines,
                "GBP",
                null,
                tags,
                "hash",
                ACCEPTED_AT);
        lines.clear();
        tags.add("b");

        assertThat(order.lineItems()).hasSize(2);
        assertThat(order.tags()).containsExactly("a");
        assertThat(OrderFixtures.minimal(OrderFixtures.SHOP, "ext-no-tags").tags())
                .isEmpty();
    }

    @Test
    void totalsNothingForAnOrderWithoutLines() {
        Order order = Order.accept(
                OrderId.newId(),
                OrderFixtures.SHOP,
                "ext-empty",
                OrderFixtures.ADA,
                OrderFixtures.LONDON,
                null,
                List.of(),
                "GBP",
                null,
                null,
                "hash",
                ACCEPTED_AT);

        assertThat(order.totalPrice()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    // --- markPushed ------------------------------------------------------------------------------------------

    @Test
    void marksPendingOrderPushedWithShopifyIdsAndClearsItsLastError() {
        Order order = accepted();
        order.recordPushError("Shopify unavailable: 503", ACCEPTED_AT.plusSeconds(1));

        order.markPushed("gid://shopify/Order/77", 77L, "#1077", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
        assertThat(order.shopifyGid()).isEqualTo("gid://shopify/Order/77");
        assertThat(order.shopifyOrderId()).isEqualTo(77L);
        assertThat(order.name()).isEqualTo("#1077");
        assertThat(order.lastError()).isNull();
        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(order.isPushable()).isFalse();
    }

    @Test
    void marksParkedOrderPushedWhenARepeatedCreateFindsIt() {
        Order order = inStatus(OrderStatus.PUSH_FAILED);

        order.markPushed("gid://shopify/Order/78", 78L, "#1078", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
        assertThat(order.lastError()).isNull();
    }

    @Test
    void ignoresTheSamePushResultTwice() {
        Order order = accepted();
        order.markPushed("gid://shopify/Order/79", 79L, "#1079", ACCEPTED_AT.plusSeconds(1));

        order.markPushed("gid://shopify/Order/79", 79L, "#1079", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
        assertThat(order.updatedAt()).isEqualTo(ACCEPTED_AT.plusSeconds(1));
    }

    @Test
    void refusesToMarkPushedOrderPushedUnderAnotherShopifyId() {
        Order order = accepted();
        order.markPushed("gid://shopify/Order/80", 80L, "#1080", ACCEPTED_AT.plusSeconds(1));

        assertThatThrownBy(() -> order.markPushed("gid://shopify/Order/81", 81L, "#1081", LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("PUSHED");
        assertThat(order.shopifyOrderId()).isEqualTo(80L);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"CANCELLED", "SYNCED", "DELETED"})
    void refusesToMarkPushedAnOrderThatIsNotWaitingForShopify(OrderStatus status) {
        Order order = inStatus(status);

        assertThatThrownBy(() -> order.markPushed("gid://shopify/Order/90", 90L, "#1090", LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining(status.name())
                .hasMessageContaining("marked as pushed");
        assertThat(order.status()).isEqualTo(status);
    }

    // --- markPushFailed, recordPushError ---------------------------------------------------------------------

    @Test
    void parksPendingOrderThatShopifyRefusedWithTheReason() {
        Order order = accepted();

        order.markPushFailed("Variant is sold out", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PUSH_FAILED);
        assertThat(order.lastError()).isEqualTo("Variant is sold out");
        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(order.isPushable()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING_PUSH", mode = EnumSource.Mode.EXCLUDE)
    void refusesToParkAnOrderThatIsNotPending(OrderStatus status) {
        Order order = inStatus(status);

        assertThatThrownBy(() -> order.markPushFailed("late refusal", LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("marked as failed");
        assertThat(order.status()).isEqualTo(status);
        assertThat(order.lastError()).isNotEqualTo("late refusal");
    }

    @Test
    void keepsPendingOrderPendingWithTheTransientError() {
        Order order = accepted();

        order.recordPushError("Shopify unavailable: 503", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PUSH);
        assertThat(order.lastError()).isEqualTo("Shopify unavailable: 503");
        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(order.isPushable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING_PUSH", mode = EnumSource.Mode.EXCLUDE)
    void refusesPushErrorForAnOrderThatIsNotPending(OrderStatus status) {
        Order order = inStatus(status);
        Instant before = order.updatedAt();

        assertThatThrownBy(() -> order.recordPushError("Shopify unavailable", LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("given a push error");
        assertThat(order.updatedAt()).isEqualTo(before);
    }

    // --- requestRepush ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PUSH_FAILED", "PENDING_PUSH"})
    void putsParkedOrStuckOrderBackToPending(OrderStatus status) {
        Order order = inStatus(status);

        order.requestRepush(LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PUSH);
        assertThat(order.isPushable()).isTrue();
        assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PUSHED", "CANCELLED", "SYNCED", "DELETED"})
    void refusesRepushOfAnOrderThatIsInShopifyOrWithdrawn(OrderStatus status) {
        Order order = inStatus(status);

        assertThatThrownBy(() -> order.requestRepush(LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining(status.name())
                .hasMessageContaining("pushed again");
        assertThat(order.status()).isEqualTo(status);
    }

    // --- cancel ----------------------------------------------------------------------------------------------

    private static final CancelRequest RESTOCK =
            new CancelRequest(CancelReason.CUSTOMER, true, false, true, "asked by phone");

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PENDING_PUSH", "PUSH_FAILED"})
    void withdrawsOrderThatHasNotReachedShopify(OrderStatus status) {
        Order order = inStatus(status);

        boolean toShopify = order.withdraw(null, false, LATER);

        assertThat(toShopify).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancelledAt()).isEqualTo(LATER);
        assertThat(order.cancelReason()).isEqualTo("withdrawn");
        assertThat(order.isPushable()).isFalse();
        assertThat(order.cancelState()).isNull();
    }

    @Test
    void withdrawingWhileACreateMayHaveReachedShopifyAsksToCancelTheCopyThereWithRestock() {
        Order order = accepted();

        boolean toShopify = order.withdraw(null, true, LATER);

        assertThat(toShopify).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancelState()).isEqualTo(CancellationState.REQUESTED);
        assertThat(order.cancelRequest()).isEqualTo(CancelRequest.WITHDRAWN);
        assertThat(order.cancelRequest().restock()).isTrue();
        assertThat(order.cancellationUnderWay()).isTrue();
    }

    @Test
    void aCreateThatLandsAfterTheWithdrawalLeavesTheOrderCancelledWithTheCopyToCancel() {
        Order order = accepted();
        order.withdraw(null, true, LATER);

        order.markPushed("gid://shopify/Order/77", 77L, "#1077", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.shopifyGid()).isEqualTo("gid://shopify/Order/77");
        assertThat(order.cancellationUnderWay()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PUSHED", "CANCELLED", "SYNCED", "DELETED"})
    void refusesToWithdrawOrderThatIsInShopifyOrAlreadyCancelled(OrderStatus status) {
        Order order = inStatus(status);
        Instant cancelledBefore = order.cancelledAt();

        assertThatThrownBy(() -> order.withdraw(null, true, LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("Order " + order.id() + " is " + status + " and cannot be cancelled");
        assertThat(order.status()).isEqualTo(status);
        assertThat(order.cancelledAt()).isEqualTo(cancelledBefore);
        assertThat(order.cancelState()).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PUSHED", "SYNCED"})
    void recordsCancellationOfOrderInShopifyToBePushed(OrderStatus status) {
        Order order = inStatus(status);

        assertThat(order.requestCancel(RESTOCK, LATER)).isTrue();

        assertThat(order.status()).isEqualTo(status);
        assertThat(order.cancelState()).isEqualTo(CancellationState.REQUESTED);
        assertThat(order.cancelRequest()).isEqualTo(RESTOCK);
        assertThat(order.cancelRequestedAt()).isEqualTo(LATER);
        // Shopify has not cancelled it yet.
        assertThat(order.cancelledAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PENDING_PUSH", "PUSH_FAILED", "CANCELLED", "DELETED"})
    void refusesToCancelInShopifyAnOrderThatIsNotThere(OrderStatus status) {
        Order order = inStatus(status);

        assertThatThrownBy(() -> order.requestCancel(RESTOCK, LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("cannot be cancelled in Shopify");
        assertThat(order.cancelState()).isNull();
    }

    @Test
    void theSameCancellationAgainIsARetryAndADifferentOneIsRefused() {
        Order order = inStatus(OrderStatus.PUSHED);
        order.requestCancel(RESTOCK, LATER);

        assertThat(order.requestCancel(RESTOCK, LATER.plusSeconds(1))).isFalse();
        assertThat(order.cancelRequestedAt()).isEqualTo(LATER);
        var other = new CancelRequest(CancelReason.FRAUD, false, false, false, null);
        assertThatThrownBy(() -> order.requestCancel(other, LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("cancelled differently");
        order.cancelSent("gid://shopify/Job/1", LATER);
        assertThat(order.requestCancel(RESTOCK, LATER)).isFalse();
        assertThat(order.cancelState()).isEqualTo(CancellationState.SENT);
    }

    @Test
    void refusesCancellationOfOrderShopifyHoldsAsCancelledAlready() {
        Order order = inStatus(OrderStatus.PUSHED);
        order.applyShopify(OrderFixtures.cancelled(snapshot(1001L, LATER, "open"), LATER, "customer"), LATER);

        assertThatThrownBy(() -> order.requestCancel(RESTOCK, LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("cancelled already");
    }

    @Test
    void movesFromSentToDoneWithShopifysCancellationTime() {
        Order order = inStatus(OrderStatus.PUSHED);
        order.requestCancel(RESTOCK, LATER);
        order.cancelSent("gid://shopify/Job/1", LATER);
        Instant inShopify = LATER.plusSeconds(2);

        order.cancelConfirmed(inShopify, "customer", LATER.plusSeconds(3));

        assertThat(order.cancelState()).isEqualTo(CancellationState.DONE);
        assertThat(order.cancelJobId()).isEqualTo("gid://shopify/Job/1");
        assertThat(order.cancelledAt()).isEqualTo(inShopify);
        assertThat(order.cancelReason()).isEqualTo("customer");
        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
        assertThatThrownBy(() -> order.cancelSent("gid://shopify/Job/2", LATER))
                .isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> order.cancelRefused("late", LATER))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void shopifysCancelledSnapshotCompletesTheCancellationUnderWay() {
        Order order = inStatus(OrderStatus.PUSHED);
        order.requestCancel(RESTOCK, LATER);

        order.applyShopify(OrderFixtures.cancelled(snapshot(1001L, LATER, "open"), LATER, "customer"), LATER);

        assertThat(order.cancelState()).isEqualTo(CancellationState.DONE);
        assertThat(order.cancelledAt()).isEqualTo(LATER);
    }

    @Test
    void aRefusedCancellationKeepsShopifysReasonAndMayBeAskedAgain() {
        Order order = inStatus(OrderStatus.PUSHED);
        order.requestCancel(RESTOCK, LATER);

        order.cancelRefused("Shopify refused the cancellation: fulfilled", LATER);

        assertThat(order.cancelState()).isEqualTo(CancellationState.REFUSED);
        assertThat(order.cancelError()).contains("fulfilled");
        assertThat(order.cancellationUnderWay()).isFalse();
        assertThat(order.requestCancel(RESTOCK, LATER.plusSeconds(60))).isTrue();
        assertThat(order.cancelState()).isEqualTo(CancellationState.REQUESTED);
        assertThat(order.cancelError()).isNull();
    }

    @Test
    void aWithdrawnOrderShopifyNeverHeldIsDoneWithoutShopifysTime() {
        Order order = accepted();
        order.withdraw(null, true, LATER);

        order.cancelConfirmed(null, null, LATER.plusSeconds(5));

        assertThat(order.cancelState()).isEqualTo(CancellationState.DONE);
        assertThat(order.cancelledAt()).isEqualTo(LATER);
        assertThat(order.cancelReason()).isEqualTo("withdrawn");
    }

    // --- what Shopify tells us -------------------------------------------------------------------------------

    @Test
    void mirrorsOrderCreatedInShopifyAsSynced() {
        Order order = Order.fromShopify(snapshot(100L, ACCEPTED_AT, "gift wrap"), LATER);

        assertThat(order.source()).isEqualTo(OrderSource.SHOPIFY);
        assertThat(order.status()).isEqualTo(OrderStatus.SYNCED);
        assertThat(order.shopDomain()).isEqualTo(OrderFixtures.SHOP);
        assertThat(order.shopifyOrderId()).isEqualTo(100L);
        assertThat(order.shopifyGid()).isEqualTo("gid://shopify/Order/100");
        assertThat(order.note()).isEqualTo("gift wrap");
        assertThat(order.totalPrice()).isEqualByComparingTo("59.80");
        assertThat(order.shopifyUpdatedAt()).isEqualTo(ACCEPTED_AT);
        assertThat(order.createdAt()).isEqualTo(LATER);
        assertThat(order.externalId()).isNull();
        assertThat(order.isPushable()).isFalse();
    }

    @Test
    void appliesNewerSnapshot() {
        Order order = Order.fromShopify(snapshot(101L, ACCEPTED_AT, "v1"), ACCEPTED_AT);

        boolean applied = order.applyShopify(snapshot(101L, ACCEPTED_AT.plusSeconds(1), "v2"), LATER);

        assertThat(applied).isTrue();
        assertThat(order.note()).isEqualTo("v2");
        assertThat(order.shopifyUpdatedAt()).isEqualTo(ACCEPTED_AT.plusSeconds(1));
        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(order.status()).isEqualTo(OrderStatus.SYNCED);
    }

    @Test
    void ignoresOlderSnapshotDeliveredLate() {
        Order order = Order.fromShopify(snapshot(102L, ACCEPTED_AT.plusSeconds(5), "v5"), ACCEPTED_AT);

        boolean applied = order.applyShopify(snapshot(102L, ACCEPTED_AT.plusSeconds(4), "v4"), LATER);

        assertThat(applied).isFalse();
        assertThat(order.note()).isEqualTo("v5");
        assertThat(order.shopifyUpdatedAt()).isEqualTo(ACCEPTED_AT.plusSeconds(5));
        assertThat(order.updatedAt()).isEqualTo(ACCEPTED_AT);
    }

    @Test
    void treatsSnapshotOfTheSameInstantAsStale() {
        Order order = Order.fromShopify(snapshot(103L, ACCEPTED_AT, "first"), ACCEPTED_AT);

        boolean applied = order.applyShopify(snapshot(103L, ACCEPTED_AT, "second, same instant"), LATER);

        assertThat(applied).isFalse();
        assertThat(order.note()).isEqualTo("first");
        assertThat(order.updatedAt()).isEqualTo(ACCEPTED_AT);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PENDING_PUSH", "PUSH_FAILED"})
    void takesWebhookThatOvertookOurPushAsProofTheOrderIsPushed(OrderStatus status) {
        Order order = inStatus(status);
        String ourId = order.id().toString();

        boolean applied = order.applyShopify(
                snapshot(OrderFixtures.SHOP, 104L, ACCEPTED_AT.plusSeconds(2), "leave at the door", ourId), LATER);

        assertThat(applied).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
        assertThat(order.lastError()).isNull();
        assertThat(order.shopifyOrderId()).isEqualTo(104L);
        assertThat(order.shopifyGid()).isEqualTo("gid://shopify/Order/104");
        assertThat(order.source()).isEqualTo(OrderSource.API);
        // The push answer that arrives afterwards is the same order, not a conflict.
        order.markPushed("gid://shopify/Order/104", 104L, "#104", LATER.plusSeconds(1));
        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
    }

    @Test
    void keepsTheShippingAndTaxItSentForItsLinesThatShopifysSnapshotDescribesWithoutThem() {
        Order order = acceptedWith(List.of(
                new LineItem(null, "SETUP", null, "On-site setup", 1, new BigDecimal("30.00"), false, false),
                new LineItem(null, "ENGINE-1", null, "Difference engine", 1, new BigDecimal("19.90"), null, null)));

        order.applyShopify(
                OrderFixtures.snapshotOfPushed(
                        order,
                        106L,
                        List.of(
                                new LineItem(11L, "SETUP", null, "On-site setup", 1, new BigDecimal("30.00")),
                                new LineItem(12L, "ENGINE-1", null, "Difference engine", 1, new BigDecimal("19.90")))),
                LATER);

        assertThat(order.lineItems())
                .extracting(LineItem::shopifyLineItemId, LineItem::requiresShipping, LineItem::taxable)
                .containsExactly(tuple(11L, false, false), tuple(12L, null, null));
    }

    @Test
    void takesShopifysLinesAsTheyAreWhereTheyAreNoLongerTheLinesItSent() {
        Order order = acceptedWith(
                List.of(new LineItem(null, "SETUP", null, "On-site setup", 1, new BigDecimal("30.00"), false, false)));

        order.applyShopify(
                OrderFixtures.snapshotOfPushed(
                        order, 107L, List.of(new LineItem(13L, "MUG-1", 42L, "Mug", 1, new BigDecimal("9.90")))),
                LATER);

        assertThat(order.lineItems())
                .singleElement()
                .satisfies(line -> assertThat(line.requiresShipping()).isNull());
    }

    @Test
    void updatesPushedOrderFromItsWebhooksWithoutChangingItsStatus() {
        Order order = inStatus(OrderStatus.PUSHED);

        order.applyShopify(snapshot(1001L, ACCEPTED_AT.plusSeconds(120), "fulfilled"), LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
        assertThat(order.financialStatus()).isEqualTo("paid");
        assertThat(order.note()).isEqualTo("fulfilled");
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PUSHED", "SYNCED"})
    void marksOrderShopifyHeldDeletedInShopify(OrderStatus status) {
        Order order = inStatus(status);

        order.markDeletedInShopify(LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.DELETED);
        assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void changesNothingWhenShopifyDeletesADeletedOrderAgain() {
        Order order = inStatus(OrderStatus.DELETED);
        Instant before = order.updatedAt();

        order.markDeletedInShopify(LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.DELETED);
        assertThat(order.updatedAt()).isEqualTo(before);
    }

    @Test
    void keepsWithdrawnOrderCancelledWhenShopifyDeletesTheCopyItsPushLeftThere() {
        Order order = accepted();
        order.withdraw(null, false, ACCEPTED_AT.plusSeconds(1));
        order.applyShopify(
                snapshot(
                        OrderFixtures.SHOP,
                        108L,
                        ACCEPTED_AT.plusSeconds(2),
                        "pushed",
                        order.id().toString()),
                LATER);

        order.markDeletedInShopify(LATER.plusSeconds(60));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancelledAt()).isEqualTo(ACCEPTED_AT.plusSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PENDING_PUSH", "PUSH_FAILED"})
    void refusesToMarkDeletedInShopifyAnOrderShopifyNeverHeld(OrderStatus status) {
        Order order = inStatus(status);
        Instant before = order.updatedAt();

        assertThatThrownBy(() -> order.markDeletedInShopify(LATER))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("Order " + order.id() + " is " + status + " and cannot be marked deleted in Shopify");
        assertThat(order.status()).isEqualTo(status);
        assertThat(order.updatedAt()).isEqualTo(before);
    }

    @Test
    void keepsItsWithdrawalWhenShopifysSnapshotOfAPushUnderWayArrivesUncancelled() {
        Order order = accepted();
        Instant withdrawn = ACCEPTED_AT.plusSeconds(1);
        order.withdraw(null, false, withdrawn);

        boolean applied = order.applyShopify(
                snapshot(
                        OrderFixtures.SHOP,
                        109L,
                        ACCEPTED_AT.plusSeconds(2),
                        "pushed",
                        order.id().toString()),
                LATER);

        assertThat(applied).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancelledAt()).isEqualTo(withdrawn);
        assertThat(order.cancelReason()).isEqualTo("withdrawn");
        assertThat(order.shopifyOrderId()).isEqualTo(109L);
    }

    @Test
    void takesShopifysCancellationForAnOrderItHolds() {
        Order order = inStatus(OrderStatus.PUSHED);
        Instant cancelledInShopify = ACCEPTED_AT.plusSeconds(300);
        ShopifyOrderSnapshot cancelled =
                OrderFixtures.cancelled(snapshot(1001L, cancelledInShopify, "open"), cancelledInShopify, "customer");

        order.applyShopify(cancelled, LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PUSHED);
        assertThat(order.cancelledAt()).isEqualTo(cancelledInShopify);
        assertThat(order.cancelReason()).isEqualTo("customer");
    }

    @Test
    void redactsThePersonButKeepsTheOrderForBookkeeping() {
        Order order = Order.fromShopify(snapshot(105L, ACCEPTED_AT, "call me on +4930123456"), ACCEPTED_AT);

        order.redactCustomer(LATER);

        assertThat(order.customer()).isNull();
        assertThat(order.shippingAddress()).isNull();
        assertThat(order.billingAddress()).isNull();
        assertThat(order.note()).isNull();
        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(order.shopifyOrderId()).isEqualTo(105L);
        assertThat(order.lineItems()).hasSize(1);
        assertThat(order.totalPrice()).isEqualByComparingTo("59.80");
        assertThat(order.status()).isEqualTo(OrderStatus.SYNCED);
    }

    @Test
    void keepsARedactedCustomerOutOfLaterShopifySnapshots() {
        Order order = Order.fromShopify(snapshot(106L, ACCEPTED_AT, "call me on +4930123456"), ACCEPTED_AT);
        order.redactCustomer(LATER);

        boolean applied = order.applyShopify(snapshot(106L, LATER.plusSeconds(60), "ring the bell"), LATER);

        assertThat(applied).isTrue();
        assertThat(order.customer()).isNull();
        assertThat(order.shippingAddress()).isNull();
        assertThat(order.billingAddress()).isNull();
        assertThat(order.note()).isNull();
        assertThat(order.customerRedactedAt()).isEqualTo(LATER);
        assertThat(order.shopifyUpdatedAt()).isEqualTo(LATER.plusSeconds(60));
        assertThat(order.lineItems()).hasSize(1);
    }

    private static Order acceptedWith(List<LineItem> lines) {
        return Order.accept(
                OrderId.newId(),
                OrderFixtures.SHOP,
                "ext-lines",
                OrderFixtures.ADA,
                OrderFixtures.LONDON,
                null,
                lines,
                "GBP",
                null,
                null,
                "hash",
                ACCEPTED_AT);
    }
}
