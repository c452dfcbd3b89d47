package org.orderbridge.webhook;

import org.orderbridge.shopify.ShopifyOrders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * An orders/delete body names an order but nothing binds it to the headers, so Shopify is asked whether the
 * order is really gone before it is marked deleted. Asked outside the delivery's transaction, so that no
 * database connection waits on Shopify; when Shopify cannot answer, the delivery is retried later.
 */
@Component
class OrderDeletions {

    private final ShopifyOrders shopify;
    private final ObjectMapper mapper;

    OrderDeletions(ShopifyOrders shopify, ObjectMapper mapper) {
        this.shopify = shopify;
        this.mapper = mapper;
    }

    void requireGoneFromShopify(WebhookDelivery delivery) {
        long id = ShopifyPayloads.requiredId(ShopifyPayloads.parse(mapper, delivery.payload()), "id");
        if (!shopify.knowsShop(delivery.shopDomain())) {
            throw new UntrustedWebhookException(
                    "orders/delete for order " + id + " cannot be confirmed: no access token for the shop");
        }
        if (shopify.orderExists(delivery.shopDomain(), id)) {
            throw new UntrustedWebhookException("orders/delete for order " + id + ", which still exists in Shopify");
        }
    }
}
