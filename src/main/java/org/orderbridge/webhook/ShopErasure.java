package org.orderbridge.webhook;

import org.orderbridge.order.Orders;
import org.orderbridge.shop.Erasures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything held for a shop (Shopify's shop/redact), from the webhook or an operator's confirmation: its
 * orders, then through {@link org.orderbridge.shop.ShopErased} what every feature keeps of it, leaving the shop's
 * tombstone.
 */
@Component
class ShopErasure {

    private final Orders orders;
    private final Erasures erasures;

    ShopErasure(Orders orders, Erasures erasures) {
        this.orders = orders;
        this.erasures = erasures;
    }

    /** @return how many orders were erased */
    @Transactional(propagation = Propagation.MANDATORY)
    int erase(String shop, long shopId) {
        int erased = orders.redactShop(shop);
        erasures.eraseShop(shop, shopId);
        return erased;
    }
}
