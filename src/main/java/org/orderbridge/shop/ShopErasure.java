package org.orderbridge.shop;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything held for a shop (Shopify's shop/redact), from the webhook or an operator's confirmation: its
 * orders, then through {@link ShopErased} what every feature keeps of it, leaving the shop's tombstone.
 */
@Component
class ShopErasure {

    // Looked up when needed: a module test that starts this module without the order feature never erases.
    private final ObjectProvider<HeldOrders> orders;
    private final Erasures erasures;

    ShopErasure(ObjectProvider<HeldOrders> orders, Erasures erasures) {
        this.orders = orders;
        this.erasures = erasures;
    }

    /**
     * @param appUninstalled see {@link Erasures#eraseShop}
     * @return how many orders were erased
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int erase(String shop, long shopId, boolean appUninstalled) {
        int erased = orders.getObject().eraseShop(shop);
        erasures.eraseShop(shop, shopId, appUninstalled);
        return erased;
    }
}
