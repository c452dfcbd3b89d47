package org.orderbridge.ops;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.orderbridge.order.CancellationState;
import org.orderbridge.order.Order;
import org.orderbridge.order.OrderStatus;
import org.orderbridge.order.TotalsMismatch;

/**
 * An order as the attention page lists it.
 *
 * @param shopifyAdminUrl the order in the shop's Shopify admin; null while it is not in Shopify
 * @param totalsDiffer Shopify's totals of the order differ from ours, and no one has marked that seen
 */
record AttentionRow(
        String id,
        String shop,
        @Nullable String externalId,
        OrderStatus status,
        @Nullable String lastError,
        String waiting,
        @Nullable String shopifyAdminUrl,
        boolean totalsDiffer) {

    static AttentionRow of(Order order, Instant now) {
        return new AttentionRow(
                order.id().toString(),
                order.shopDomain(),
                order.externalId(),
                order.status(),
                reason(order),
                age(Duration.between(order.updatedAt(), now)),
                shopifyAdminUrl(order.shopDomain(), order.shopifyOrderId()),
                order.totalsMismatch() != null && order.totalsMismatchSeenAt() == null);
    }

    /** Why a person has to look: Shopify's refusal of the cancellation, the last error, else how Shopify's totals differ from ours. */
    private static @Nullable String reason(Order order) {
        // An order in Shopify is here because Shopify refused its cancellation: that is what to read.
        if (order.cancelState() == CancellationState.REFUSED) {
            return order.cancelError();
        }
        TotalsMismatch mismatch = order.totalsMismatch();
        if (order.lastError() != null || mismatch == null) {
            return order.lastError();
        }
        return "Totals differ in Shopify (ours ≠ Shopify's): " + mismatch.summary();
    }

    public boolean canRepush() {
        return status == OrderStatus.PUSH_FAILED || status == OrderStatus.PENDING_PUSH;
    }

    /** Withdrawing is for orders that have not reached Shopify; one there is cancelled through the API. */
    public boolean canCancel() {
        return canRepush();
    }

    /** Still on its way: the page keeps asking until it is not. */
    public boolean settling() {
        return status == OrderStatus.PENDING_PUSH;
    }

    static @Nullable String shopifyAdminUrl(String shopDomain, @Nullable Long shopifyOrderId) {
        if (shopifyOrderId == null) {
            return null;
        }
        String store = shopDomain.endsWith(".myshopify.com")
                ? shopDomain.substring(0, shopDomain.length() - ".myshopify.com".length())
                : shopDomain;
        return "https://admin.shopify.com/store/" + store + "/orders/" + shopifyOrderId;
    }

    static String age(Duration age) {
        if (age.isNegative() || age.toMinutes() < 1) {
            return "under a minute";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return age.toDays() + " d " + age.toHoursPart() + " h";
    }
}
