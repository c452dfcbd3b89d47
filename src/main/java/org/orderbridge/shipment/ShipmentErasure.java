package org.orderbridge.shipment;

import java.util.UUID;
import org.orderbridge.push.PushRequests;
import org.orderbridge.shop.ShopErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** An erased shop's shipments, and their pending pushes, go in the erasing transaction. */
@Component
class ShipmentErasure {

    private final JdbcClient jdbc;
    private final PushRequests pushRequests;

    ShipmentErasure(JdbcClient jdbc, PushRequests pushRequests) {
        this.jdbc = jdbc;
        this.pushRequests = pushRequests;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ShopErased erased) {
        var ids = jdbc.sql("select id from shipment where shop_domain = ?")
                .param(erased.shopDomain())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        if (!ids.isEmpty()) {
            pushRequests.withdraw(Shipments.PUSH_KIND, ids);
        }
        jdbc.sql("delete from shipment where shop_domain = ?")
                .param(erased.shopDomain())
                .update();
    }
}
