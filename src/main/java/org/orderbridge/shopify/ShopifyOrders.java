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

    /** Whether an access token is configured for this shop. */
    boolean knowsShop(String shopDomain);
}
