package org.orderbridge.shipment;

import java.util.List;
import org.orderbridge.order.LeftToShip;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.OrderShipments;
import org.springframework.stereotype.Component;

/** Lets the order's own view show its shipments, without the order feature depending on this one. */
@Component
class ShipmentsOfOrder implements OrderShipments {

    private final Shipments shipments;
    private final OrderLinesLeft linesLeft;

    ShipmentsOfOrder(Shipments shipments, OrderLinesLeft linesLeft) {
        this.shipments = shipments;
        this.linesLeft = linesLeft;
    }

    @Override
    public List<?> of(OrderId orderId) {
        return shipments.list(orderId);
    }

    @Override
    public List<LeftToShip> leftToShip(OrderId orderId) {
        return linesLeft.of(orderId.value()).stream()
                .map(l -> new LeftToShip(
                        l.lineItem(), l.shopifyLineItemId(), l.sku(), l.quantity(), l.readAt(), l.stale()))
                .toList();
    }
}
