package org.orderbridge.shipment;

import java.util.List;

/** The refusals of the shipments API, each answered with its own problem. */
final class ShipmentExceptions {

    private ShipmentExceptions() {}

    static class ShipmentNotFound extends RuntimeException {
        ShipmentNotFound(String message) {
            super(message);
        }
    }

    /** 409: the shipment id is taken by a shipment with other content. */
    static class ShipmentIdConflict extends RuntimeException {
        ShipmentIdConflict(String shipmentId) {
            super("Shipment id " + shipmentId + " is taken by a shipment with different content");
        }
    }

    /** 409: a cancelled (or deleted) order ships nothing. */
    static class OrderNotShippable extends RuntimeException {
        OrderNotShippable(String message) {
            super(message);
        }
    }

    /** 400: items the order does not have. */
    static class UnknownItems extends RuntimeException {
        final List<String> unknown;

        UnknownItems(List<String> unknown) {
            super("The order has no " + String.join(", ", unknown));
            this.unknown = List.copyOf(unknown);
        }
    }

    /** 422: more than is left to fulfil. */
    static class OverFulfilment extends RuntimeException {
        final List<Excess> items;

        OverFulfilment(List<Excess> items) {
            super("More than is left to fulfil of the order: "
                    + items.stream()
                            .map(e -> e.item() + " (asked " + e.requested() + ", left " + e.remaining() + ")")
                            .toList());
            this.items = List.copyOf(items);
        }
    }

    /** 400: a warehouse code not configured for the shop. */
    static class UnknownLocation extends RuntimeException {
        UnknownLocation(String shop, String code) {
            super("No location " + code + " is configured for shop " + shop + " (orderbridge.shipment.locations["
                    + shop + "]." + code + "); name a configured warehouse code or a Shopify location id"
                    + " (gid://shopify/Location/…)");
        }
    }

    /** 409: Shopify's holds are not this app's to release, nothing is held, or Shopify refused. */
    static class ReleaseRefused extends RuntimeException {
        ReleaseRefused(String shipmentId, String reason) {
            super("Shipment " + shipmentId + " cannot be released in Shopify: " + reason);
        }
    }

    record Excess(String item, int requested, int remaining) {}
}
