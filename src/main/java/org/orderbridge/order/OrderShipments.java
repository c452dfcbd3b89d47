package org.orderbridge.order;

import java.util.List;

/** The shipments of an order, for its view; provided by the shipment feature, which depends on this one. */
public interface OrderShipments {

    List<?> of(OrderId orderId);

    /** Per line, what Shopify said is left to ship, as of its last read; empty before the first. */
    List<LeftToShip> leftToShip(OrderId orderId);
}
