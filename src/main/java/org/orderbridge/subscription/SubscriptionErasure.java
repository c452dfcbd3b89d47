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

    private final CheckSchedule schedule;

    SubscriptionErasure(JdbcClient jdbc) {
        this.schedule = new CheckSchedule(jdbc);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ShopErased erased) {
        schedule.forget(erased.shopDomain());
    }
}
