package org.orderbridge.shopify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Cancels orders in Shopify with {@code orderCancel}, which Shopify runs asynchronously as a job. Every call blocks under
 * the shop's cost budget and circuit breaker; the reads are retried, the mutation is sent once per call, because
 * repeating it is safe only after the order has been read again (see the caller).
 */
public interface ShopifyCancellations {

    /**
     * The order as Shopify holds it: by its id when known, otherwise by OrderBridge's order id (the unique metafield set
     * by {@link ShopifyOrders#createOrder}).
     *
     * @return empty when Shopify holds no such order
     * @throws ShopifyUnavailableException when Shopify could not answer; ask again later
     */
    Optional<OrderInShopify> find(String shopDomain, @Nullable String orderGid, UUID orderId, Duration timeBudget);

    /**
     * Whether Shopify has run the cancellation job.
     *
     * @throws ShopifyUnavailableException when Shopify could not answer; ask again later
     */
    boolean jobDone(String shopDomain, String jobId, Duration timeBudget);

    /**
     * Sends {@code orderCancel} once.
     *
     * @throws ShopifyUnavailableException when the request failed or its answer was lost: it may have reached Shopify
     */
    CancelOutcome cancel(CancelCommand command, Duration timeBudget);

    /** What the cancellation needs of an order in Shopify. */
    record OrderInShopify(
            String gid,
            long legacyId,
            @Nullable Instant cancelledAt,
            @Nullable String cancelReason) {

        public boolean cancelled() {
            return cancelledAt != null;
        }
    }

    /**
     * The arguments of {@code orderCancel}.
     *
     * @param reason a value of Shopify's {@code OrderCancelReason}
     * @param refund whether to refund to the original payment methods ({@code refundMethod}); false leaves payments alone
     *     (authorisations are voided by Shopify regardless)
     */
    record CancelCommand(
            String shopDomain,
            String orderGid,
            String reason,
            boolean restock,
            boolean refund,
            boolean notifyCustomer,
            @Nullable String staffNote) {}

    sealed interface CancelOutcome {

        /** Shopify took the cancellation; its job cancels the order. */
        record Accepted(String jobId, boolean done) implements CancelOutcome {}

        /** Shopify refused it ({@code orderCancelUserErrors}); {@code codes} are its OrderCancelUserErrorCode values. */
        record Refused(String reason, java.util.List<String> codes) implements CancelOutcome {}
    }
}
