package org.orderbridge.order;

import java.util.List;

/** The shipments of an order, for its view; provided by the shipment feature, which depends on this one. */
public interface OrderShipments {

    List<?> of(OrderId orderId);
}
