package org.orderbridge.subscription;

import org.orderbridge.shop.ShopErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** An erased shop's check row, keyed by the hash of its domain, goes in the erasing transaction. */
@Component
class SubscriptionErasure {

    private final JdbcClient jdbc;

    SubscriptionErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ShopErased erased) {
        jdbc.sql("delete from webhook_subscription_check where shop_key = ?")
                .param(CheckSchedule.key(erased.shopDomain()))
                .update();
    }
}
