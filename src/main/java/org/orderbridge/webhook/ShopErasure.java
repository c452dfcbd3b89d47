package org.orderbridge.webhook;

import org.orderbridge.order.Orders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Erases everything held for a shop (Shopify's shop/redact), from the webhook or an operator's confirmation. */
@Component
class ShopErasure {

    private final Orders orders;
    private final ShopRecords shops;
    private final PayloadStore payloads;

    ShopErasure(Orders orders, ShopRecords shops, PayloadStore payloads) {
        this.orders = orders;
        this.shops = shops;
        this.payloads = payloads;
    }

    /** @return how many orders were erased */
    @Transactional(propagation = Propagation.MANDATORY)
    int erase(String shop) {
        int erased = orders.redactShop(shop);
        shops.forgetShop(shop);
        payloads.deleteShop(shop);
        return erased;
    }
}
