package org.orderbridge.shipment;

import java.util.List;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.OrderShipments;
import org.springframework.stereotype.Component;

/** Lets the order's own view show its shipments, without the order feature depending on this one. */
@Component
class ShipmentsOfOrder implements OrderShipments {

    private final Shipments shipments;

    ShipmentsOfOrder(Shipments shipments) {
        this.shipments = shipments;
    }

    @Override
    public List<?> of(OrderId orderId) {
        return shipments.list(orderId);
    }
}
