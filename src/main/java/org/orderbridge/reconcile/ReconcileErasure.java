package org.orderbridge.reconcile;

import org.orderbridge.shop.ShopErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An erased shop's backfills and reconciliation progress go in the erasing transaction. A backfill running at that
 * moment loses its row; what it still reads is dropped as the orders of an erased shop.
 */
@Component
class ReconcileErasure {

    private final JdbcClient jdbc;

    ReconcileErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ShopErased erased) {
        jdbc.sql("delete from backfill where shop_domain = ?")
                .param(erased.shopDomain())
                .update();
        jdbc.sql("delete from reconciliation_shop where shop_domain = ?")
                .param(erased.shopDomain())
                .update();
    }
}
