package org.orderbridge.shopify;

import java.time.Duration;

/**
 * Pushes orders into Shopify stores. Safe to call again for the same {@link OrderDraft#orderId()}: Shopify never ends up
 * with two orders for one OrderBridge order.
 */
public interface ShopifyOrders {

    /**
     * Blocks until the order exists in Shopify or is permanently refused.
     *
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled through every retry, or the shop's
     *                                     circuit is open; the caller should try again later
     */
    PushOutcome createOrder(OrderDraft draft);

    /**
     * Asks the shop whether the order exists, so that an unsigned claim (a webhook header) is never taken for the
     * truth.
     *
     * @throws ShopifyUnavailableException when Shopify could not answer; ask again later
     * @throws IllegalStateException when no access token is configured for the shop, so it cannot be asked
     */
    boolean orderExists(String shopDomain, long shopifyOrderId);

    /**
     * Like {@link #createOrder(OrderDraft)}, within a time budget, knowing whether an earlier call may have created the
     * order already, and running the caller's step before each create request leaves.
     *
     * @throws ShopifyUnavailableException also when the time budget cannot hold another request or the wait Shopify
     *                                     asks for, or Shopify asks for a wait longer than
     *                                     {@code orderbridge.shopify.retry.max-server-wait}
     * @throws RuntimeException            whatever {@link CreateOrderOptions#beforeCreate()} threw; the create was not
     *                                     sent
     */
    PushOutcome createOrder(OrderDraft draft, CreateOrderOptions options);

    /** Whether an access token is configured for this shop. */
    boolean knowsShop(String shopDomain);

    /**
     * The longest one request may take (connect plus read timeout): a time budget shorter than this sends nothing.
     */
    Duration longestRequest();
}
