package org.orderbridge.shopify;

/**
 * Creates orders in the shops this service holds access tokens for. Budget, retries, circuit breaking and
 * duplicate safety (our order id as custom-id metafield, looked up before creating) are all inside.
 */
public interface ShopifyOrders {

    /**
     * Blocks until Shopify has answered for good.
     *
     * @throws ShopifyUnavailableException when Shopify could not be reached or kept failing; try again later
     */
    PushOutcome createOrder(OrderDraft draft);

    /** Whether the shop has a configured access token. */
    boolean knowsShop(String shopDomain);
}
