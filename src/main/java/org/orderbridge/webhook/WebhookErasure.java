package org.orderbridge.webhook;

import org.orderbridge.shop.CustomerErased;
import org.orderbridge.shop.ShopErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What the webhooks keep of an erased shop or customer goes in the erasing transaction. */
@Component
class WebhookErasure {

    private final DeliveryLog deliveries;
    private final PayloadStore payloads;
    private final JdbcClient jdbc;

    WebhookErasure(DeliveryLog deliveries, PayloadStore payloads, JdbcClient jdbc) {
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ShopErased erased) {
        deliveries.forgetShop(erased.shopDomain());
        payloads.deleteShop(erased.shopDomain());
    }

    /**
     * The stored bodies of the shop's deliveries that name the customer or one of the orders (escaped, so that the
     * match reads the bytes as text whatever their encoding): their message, still
     * queued, then finds its body gone and is dead-lettered without it. Reconciliation reads any order it carried back
     * from Shopify, whose snapshot stays redacted.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CustomerErased erased) {
        jdbc.sql("delete from webhook_payload where shop_domain = ? and encode(body, 'escape') ~ ?")
                .params(erased.shopDomain(), erased.mentionedIn())
                .update();
    }
}
