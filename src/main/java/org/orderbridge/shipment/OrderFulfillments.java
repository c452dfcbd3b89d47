package org.orderbridge.shipment;

import java.sql.Timestamp;
import java.util.Arrays;
import org.orderbridge.order.OrdersErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Every fulfillment Shopify's webhooks told us about ({@code order_fulfillment}), ours or made outside OrderBridge, in
 * its newest version.
 */
@Component
class OrderFulfillments {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    OrderFulfillments(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** @return false when a newer version of the fulfillment is stored already */
    boolean upsert(ShopifyFulfillmentSnapshot f) {
        return jdbc.sql("""
                insert into order_fulfillment (shop_domain, shopify_fulfillment_id, shopify_order_id, status,
                    shipment_status, tracking_company, tracking_numbers, shopify_updated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (shop_domain, shopify_fulfillment_id) do update set
                    status = excluded.status, shipment_status = excluded.shipment_status,
                    tracking_company = excluded.tracking_company, tracking_numbers = excluded.tracking_numbers,
                    shopify_updated_at = excluded.shopify_updated_at
                where order_fulfillment.shopify_updated_at < excluded.shopify_updated_at""")
                        // As a list: params(Object...) declares its values non-null; Shopify may leave the statuses
                        // and the carrier out, which binds SQL NULL.
                        .params(Arrays.asList(
                                f.shopDomain(),
                                f.id(),
                                f.shopifyOrderId(),
                                f.status(),
                                f.shipmentStatus(),
                                f.trackingCompany(),
                                json(f),
                                Timestamp.from(f.updatedAt())))
                        .update()
                == 1;
    }

    /** Whether OrderBridge made the fulfillment (for one of its shipments) or it was made outside, e.g. in the admin. */
    void markOrigin(String shop, long fulfillmentId, String origin) {
        jdbc.sql("update order_fulfillment set origin = ? where shop_domain = ? and shopify_fulfillment_id = ?")
                .params(origin, shop, fulfillmentId)
                .update();
    }

    /**
     * A shop is erased (Shopify's shop/redact): its fulfillments go in the erasing transaction, those of orders we never
     * held included.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrdersErased erased) {
        jdbc.sql("delete from order_fulfillment where shop_domain = ?")
                .param(erased.shopDomain())
                .update();
    }

    private String json(ShopifyFulfillmentSnapshot f) {
        try {
            return mapper.writeValueAsString(f.trackingNumbers());
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
