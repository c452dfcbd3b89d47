package org.orderbridge.webhook;

import org.orderbridge.shopify.ShopifyOrders;
import org.springframework.stereotype.Component;

/**
 * The shops whose webhooks are accepted: those configured explicitly, or else those this service holds an
 * Admin API access token for. An empty list never means "any shop": a signed body would otherwise be enough
 * to file data under a shop nobody connected. The mandatory compliance topics are the exception: Shopify sends
 * them for every shop that ever installed the app, also after its token is gone, and each is bound to the shop
 * that its payload names before anything is erased.
 */
@Component
class ShopAllowList {

    private final WebhookProperties properties;
    private final ShopifyOrders shopify;

    ShopAllowList(WebhookProperties properties, ShopifyOrders shopify) {
        this.properties = properties;
        this.shopify = shopify;
    }

    boolean allows(String shop, String topic) {
        if (WebhookTopic.of(topic).filter(WebhookTopic::isCompliance).isPresent()) {
            return true;
        }
        return properties.allowedShops().isEmpty()
                ? shopify.knowsShop(shop)
                : properties.allowedShops().contains(shop);
    }
}
