package org.orderbridge.shopify;

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

    /** Whether an access token is configured for this shop. */
    boolean knowsShop(String shopDomain);
}
