package org.orderbridge.fulfillmentservice;

import java.util.UUID;
import org.orderbridge.push.PushRequests;
import org.orderbridge.shop.ShopErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** An erased shop's requests, their pending answers and its registration go in the erasing transaction. */
@Component
class FulfillmentServiceErasure {

    private final JdbcClient jdbc;
    private final PushRequests pushRequests;

    FulfillmentServiceErasure(JdbcClient jdbc, PushRequests pushRequests) {
        this.jdbc = jdbc;
        this.pushRequests = pushRequests;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ShopErased erased) {
        var ids = jdbc.sql("select id from fulfillment_request where shop = ?")
                .param(erased.shopDomain())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        pushRequests.withdraw(FulfillmentAnswerHandler.KIND, ids);
        jdbc.sql("delete from fulfillment_request where shop = ?")
                .param(erased.shopDomain())
                .update();
        jdbc.sql("delete from fulfillment_service_registration where shop = ?")
                .param(erased.shopDomain())
                .update();
    }
}
