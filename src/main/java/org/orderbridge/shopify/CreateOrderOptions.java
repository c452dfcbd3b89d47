package org.orderbridge.shopify;

import java.time.Duration;
import java.util.Objects;

/**
 * How one {@link ShopifyOrders#createOrder(OrderDraft, CreateOrderOptions)} call fits into the push it belongs to.
 *
 * @param timeBudget the call returns or throws within this time: it starts no request that could outlive it and sits
 *     out no wait that would end after it
 * @param createMayHaveReachedShopify an earlier call, in this process or another, sent {@code orderCreate} for the
 *     same order without seeing (or keeping) its outcome: the call looks the order up before it creates it
 * @param beforeCreate runs right before each {@code orderCreate} request is sent, e.g. to record durably that a create
 *     is leaving; when it throws, the request is not sent and the exception propagates unchanged, neither retried nor
 *     counted against the shop's circuit
 */
public record CreateOrderOptions(Duration timeBudget, boolean createMayHaveReachedShopify, Runnable beforeCreate) {

    private static final Duration UNBOUNDED = Duration.ofDays(365);

    public CreateOrderOptions {
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(beforeCreate, "beforeCreate");
        if (timeBudget.isNegative()) {
            timeBudget = Duration.ZERO;
        }
        if (timeBudget.compareTo(UNBOUNDED) > 0) {
            timeBudget = UNBOUNDED;
        }
    }

    /** No deadline, no earlier create, nothing to run first: what {@link ShopifyOrders#createOrder(OrderDraft)} uses. */
    public static CreateOrderOptions unbounded() {
        return new CreateOrderOptions(UNBOUNDED, false, () -> {});
    }
}
