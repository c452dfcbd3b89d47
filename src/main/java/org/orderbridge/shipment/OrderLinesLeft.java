package org.orderbridge.shipment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.OrdersErased;
import org.orderbridge.shopify.ShopifyFulfillments.LineLeft;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Shopify said was left to fulfil of each line of an order, as of the last read of its fulfillment orders (every
 * shipment push reads them right before it creates). A hand-made fulfillment, a refund or an edit shows here from the
 * next read on; the webhooks that announce a change mark the figures stale until a read that began after it.
 */
@Component
class OrderLinesLeft {

    /** One line: its 1-based position (our line item id), what is left of it, and when Shopify said so. */
    record Line(
            int lineItem,
            @Nullable Long shopifyLineItemId,
            @Nullable String sku,
            int quantity,
            Instant readAt,
            boolean stale) {}

    private final JdbcClient jdbc;

    OrderLinesLeft(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records what a read said, line by line, unless a later read is recorded already; concurrent pushes of one order
     * each keep the newer figure. A read that began at or after the last change a webhook announced makes the figures
     * current again.
     */
    @Transactional
    void record(UUID orderId, List<LineLeft> lines, Instant readAt) {
        Timestamp at = Timestamp.from(readAt);
        for (LineLeft line : lines) {
            jdbc.sql("""
                    insert into order_line_left
                        (order_id, position, shopify_line_item_id, sku, quantity, read_at, fulfillment_orders)
                    values (?, ?, ?, ?, ?, ?, ?::text[])
                    on conflict (order_id, position) do update set
                        shopify_line_item_id = excluded.shopify_line_item_id, sku = excluded.sku,
                        quantity = excluded.quantity, read_at = excluded.read_at,
                        fulfillment_orders = excluded.fulfillment_orders,
                        stale_since = case when order_line_left.stale_since <= excluded.read_at then null
                                           else order_line_left.stale_since end
                    where order_line_left.read_at < excluded.read_at""")
                    .params(java.util.Arrays.asList(
                            orderId,
                            line.position() + 1,
                            line.shopifyLineItemId(),
                            line.sku(),
                            line.quantity(),
                            at,
                            line.fulfillmentOrders().toArray(String[]::new)))
                    .update();
        }
    }

    /**
     * A fulfillment of the order was cancelled: its items are open to ship again, which the recorded figures do not
     * show until the next read. Until then, what is left is worked out from the order and its shipments.
     */
    void forget(UUID orderId) {
        jdbc.sql("delete from order_line_left where order_id = ?")
                .param(orderId)
                .update();
    }

    /**
     * Shopify changed what is left of the order (orders/edited, refunds/create): its figures are stale from {@code at}.
     *
     * @return whether the order has figures to refresh
     */
    boolean markStale(UUID orderId, Instant at) {
        return jdbc.sql("""
                update order_line_left set stale_since = greatest(stale_since, ?)
                where order_id = ?""").params(Timestamp.from(at), orderId).update() > 0;
    }

    /**
     * Shopify changed these fulfillment orders (cancelled, moved, split, merged): the figures of the orders whose lines
     * lay in them are stale from {@code at}.
     *
     * @return those orders
     */
    List<UUID> markStaleHolding(Collection<String> fulfillmentOrderGids, Instant at) {
        if (fulfillmentOrderGids.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("""
                update order_line_left set stale_since = greatest(stale_since, ?)
                where order_id in (select order_id from order_line_left where fulfillment_orders && ?::text[])
                returning order_id""")
                .params(Timestamp.from(at), fulfillmentOrderGids.toArray(String[]::new))
                .query((rs, n) -> UUID.fromString(rs.getString(1)))
                .list()
                .stream()
                .distinct()
                .toList();
    }

    /** Whether a webhook announced a change that no read since has taken in. */
    boolean stale(UUID orderId) {
        return jdbc.sql("select exists (select 1 from order_line_left where order_id = ? and stale_since is not null)")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }

    List<Line> of(UUID orderId) {
        return jdbc.sql("""
                select position, shopify_line_item_id, sku, quantity, read_at, stale_since is not null
                from order_line_left where order_id = ? order by position""")
                .param(orderId)
                .query((rs, n) -> new Line(
                        rs.getInt(1),
                        rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6)))
                .list();
    }

    /** A shop is erased (Shopify's shop/redact): what was left of its orders goes in the erasing transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrdersErased erased) {
        if (erased.orderIds().isEmpty()) {
            return;
        }
        jdbc.sql("delete from order_line_left where order_id in (:ids)")
                .param("ids", erased.orderIds().stream().map(OrderId::value).toList())
                .update();
    }
}
