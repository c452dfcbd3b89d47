package org.orderbridge.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderbridge.order.Order;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.Orders;
import org.orderbridge.push.PushHandler;
import org.orderbridge.shopify.ShopifyFulfillments;
import org.orderbridge.shopify.ShopifyFulfillments.LineLeft;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Reads again what is left of an order whose figures a webhook marked stale: one read of Shopify's fulfillment orders
 * (every page, under the shop's cost budget like every other call), through the push queue so that a throttled or
 * unreachable Shopify only delays it. Several webhooks about one order cost one read: a message finding the figures
 * current again does nothing. Reading is harmless to repeat, so no lease is taken; the newer read is the one kept.
 */
@Component
class LeftToShipRefresh implements PushHandler {

    private final OrderLinesLeft linesLeft;
    private final Orders orders;
    private final ShopifyFulfillments shopify;
    private final Clock clock;

    LeftToShipRefresh(OrderLinesLeft linesLeft, Orders orders, ShopifyFulfillments shopify, Clock clock) {
        this.linesLeft = linesLeft;
        this.orders = orders;
        this.shopify = shopify;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Shipments.LEFT_TO_SHIP_KIND;
    }

    @Override
    public void handle(UUID orderId, long deadlineNanos) {
        if (!linesLeft.stale(orderId)) {
            return;
        }
        Optional<Order> order = orders.find(new OrderId(orderId));
        String orderGid = order.map(Order::shopifyGid).orElse(null);
        if (orderGid == null) {
            // Figures are recorded only after a read of Shopify's order, so an order without its id has none.
            return;
        }
        String shop = order.get().shopDomain();
        MDC.put("shop", shop);
        Instant readAt = clock.instant();
        List<LineLeft> left = shopify.left(shop, orderGid);
        if (!left.isEmpty()) {
            linesLeft.record(orderId, left, readAt);
        }
    }
}
