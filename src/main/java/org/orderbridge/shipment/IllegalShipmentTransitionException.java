package org.orderbridge.shipment;

/** The shipment is not in a state that allows what was asked; the API answers 409. */
class IllegalShipmentTransitionException extends RuntimeException {

    IllegalShipmentTransitionException(String shipmentId, ShipmentStatus status, String action) {
        super("Shipment " + shipmentId + " is " + status + " and cannot be " + action);
    }

    IllegalShipmentTransitionException(String message) {
        super(message);
    }
}
