package org.orderbridge.shipment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The API's representation of a shipment. */
record ShipmentView(
        String shipmentId,
        String id,
        ShipmentStatus status,
        List<ShipmentItem> items,
        @Nullable String carrier,
        List<String> trackingNumbers,
        @Nullable String trackingUrl,
        boolean notifyCustomer,
        List<Fulfillment> fulfillments,
        @Nullable String deliveryStatus,
        boolean awaitingOrder,

        @Schema(
                description =
                        "Shipped is everything Shopify says remains; items are fixed from Shopify before the first"
                                + " create")
        boolean everythingLeft,

        @Schema(description = "The Shopify location it left from, when the warehouse named one") @Nullable String location,

        @Schema(description = "Why a HELD shipment waits: Shopify's hold reason or schedule") @Nullable String holdReason,

        @Nullable String failureReason,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt) {

    /** A Shopify fulfillment of the shipment: one per location. */
    record Fulfillment(
            long shopifyFulfillmentId,
            String shopifyGid,
            @Nullable String location,
            @Nullable String status,
            @Nullable String deliveryStatus) {}

    static ShipmentView of(Shipment s) {
        return new ShipmentView(
                s.shipmentId(),
                s.id().toString(),
                s.status(),
                s.items(),
                s.carrier(),
                s.trackingNumbers(),
                s.trackingUrl(),
                s.notifyCustomer(),
                s.fulfillments().stream()
                        .map(f -> new Fulfillment(f.id(), f.gid(), f.location(), f.status(), f.deliveryStatus()))
                        .toList(),
                s.deliveryStatus(),
                s.awaitingOrder(),
                s.everythingLeft(),
                s.locationGid(),
                s.holdReason(),
                s.failureReason(),
                s.lastError(),
                s.createdAt(),
                s.updatedAt());
    }
}
