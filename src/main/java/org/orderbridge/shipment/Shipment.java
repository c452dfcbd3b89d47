package org.orderbridge.shipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A shipment of (part of) an order. Its state only moves through the methods below, each of which refuses a move that
 * makes no sense for its status. The create journal and the worker's lease are written by {@link ShipmentLease} and are
 * only read here.
 */
@Entity
@Table(name = "shipment")
class Shipment {

    @Id
    private UUID id;

    private UUID orderId;
    private String shopDomain;
    private String shipmentId;

    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;

    private String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<ShipmentItem> items;

    private @Nullable String carrier;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> trackingNumbers;

    private @Nullable String trackingUrl;
    private boolean notifyCustomer;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<ShopifyFulfillmentRef> fulfillments;

    private @Nullable String deliveryStatus;
    private boolean awaitingOrder;
    private boolean trackingPending;
    private boolean trackingNotify;
    private boolean cancelRequested;
    private boolean everythingLeft;
    private @Nullable String holdReason;
    private @Nullable String locationGid;

    @Column(insertable = false, updatable = false)
    private @Nullable Instant createAttemptedAt;

    private @Nullable String failureReason;
    private @Nullable String lastError;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    protected Shipment() {
        // for JPA
    }

    static Shipment accept(
            UUID orderId,
            String shopDomain,
            String shipmentId,
            String contentHash,
            List<ShipmentItem> items,
            @Nullable String carrier,
            List<String> trackingNumbers,
            @Nullable String trackingUrl,
            boolean notifyCustomer,
            boolean everythingLeft,
            @Nullable String locationGid,
            Instant now) {
        var shipment = new Shipment();
        shipment.everythingLeft = everythingLeft;
        shipment.locationGid = locationGid;
        shipment.id = UUID.randomUUID();
        shipment.orderId = orderId;
        shipment.shopDomain = shopDomain;
        shipment.shipmentId = shipmentId;
        shipment.status = ShipmentStatus.PENDING_PUSH;
        shipment.contentHash = contentHash;
        shipment.items = List.copyOf(items);
        shipment.carrier = carrier;
        shipment.trackingNumbers = List.copyOf(trackingNumbers);
        shipment.trackingUrl = trackingUrl;
        shipment.notifyCustomer = notifyCustomer;
        shipment.fulfillments = List.of();
        shipment.createdAt = now;
        shipment.updatedAt = now;
        return shipment;
    }

    /** Whether a worker has anything to do in Shopify for it. */
    boolean needsPush() {
        return (status == ShipmentStatus.PENDING_PUSH && !awaitingOrder)
                || status == ShipmentStatus.HELD
                || trackingPending
                || cancelRequested;
    }

    /** Whether its fulfillments are still to be created in Shopify (now, or once Shopify releases them). */
    boolean awaitsCreate() {
        return status == ShipmentStatus.PENDING_PUSH || status == ShipmentStatus.HELD;
    }

    /** Whether it counts against what is left to fulfil of the order. */
    boolean isActive() {
        return awaitsCreate() || status == ShipmentStatus.FULFILLED;
    }

    /**
     * Shopify holds or schedules what it ships: it waits, showing why, and is offered to the push queue again from time
     * to time (see {@link HeldShipmentReleaser}).
     */
    void hold(String reason, Instant now) {
        require("held", ShipmentStatus.PENDING_PUSH, ShipmentStatus.HELD);
        status = ShipmentStatus.HELD;
        holdReason = reason;
        lastError = null;
        updatedAt = now;
    }

    /** The order is not in Shopify yet; the shipment waits for it (see {@link HeldShipmentReleaser}). */
    void awaitOrder(Instant now) {
        require("held for its order", ShipmentStatus.PENDING_PUSH);
        awaitingOrder = true;
        lastError = "Waiting for the order to reach Shopify";
        updatedAt = now;
    }

    void releaseForPush(Instant now) {
        require("released", ShipmentStatus.PENDING_PUSH);
        awaitingOrder = false;
        lastError = null;
        updatedAt = now;
    }

    void markFulfilled(List<ShopifyFulfillmentRef> created, Instant now) {
        require("marked as fulfilled", ShipmentStatus.PENDING_PUSH, ShipmentStatus.HELD);
        status = ShipmentStatus.FULFILLED;
        holdReason = null;
        fulfillments = merge(created);
        lastError = null;
        updatedAt = now;
    }

    void markFailed(String reason, List<ShopifyFulfillmentRef> created, Instant now) {
        require("marked as failed", ShipmentStatus.PENDING_PUSH, ShipmentStatus.HELD);
        status = ShipmentStatus.FAILED;
        holdReason = null;
        fulfillments = merge(created);
        failureReason = reason;
        lastError = null;
        updatedAt = now;
    }

    /** A transient failure: the shipment stays where it is and shows why. */
    void recordError(String error, Instant now) {
        lastError = error;
        updatedAt = now;
    }

    /**
     * New tracking for the shipment.
     *
     * @return whether Shopify must be told (the fulfillments exist); otherwise the create will carry it
     */
    boolean changeTracking(
            @Nullable String newCarrier, List<String> numbers, @Nullable String url, boolean notify, Instant now) {
        require("given new tracking", ShipmentStatus.PENDING_PUSH, ShipmentStatus.HELD, ShipmentStatus.FULFILLED);
        if (awaitsCreate() && createAttemptedAt != null) {
            // The tracking number is how a create whose answer was lost is recognised; it must not change meanwhile.
            throw new IllegalShipmentTransitionException("Shipment " + shipmentId
                    + " is being created in Shopify; change its tracking once it is FULFILLED");
        }
        carrier = newCarrier;
        trackingNumbers = List.copyOf(numbers);
        trackingUrl = url;
        updatedAt = now;
        if (status == ShipmentStatus.FULFILLED) {
            trackingPending = true;
            trackingNotify = notify;
            return true;
        }
        return false;
    }

    void trackingPushed(Instant now) {
        trackingPending = false;
        lastError = null;
        updatedAt = now;
    }

    /**
     * Withdraws the shipment.
     *
     * @return whether Shopify must be told (something may exist there); otherwise it is cancelled already
     */
    boolean requestCancel(Instant now) {
        require(
                "cancelled",
                ShipmentStatus.PENDING_PUSH,
                ShipmentStatus.HELD,
                ShipmentStatus.FULFILLED,
                ShipmentStatus.FAILED);
        updatedAt = now;
        if (createAttemptedAt == null && fulfillments.isEmpty()) {
            status = ShipmentStatus.CANCELLED;
            awaitingOrder = false;
            return false;
        }
        cancelRequested = true;
        return true;
    }

    /** Offered to the push queue again, to ask Shopify whether its items are open now. */
    void recheckRequested(Instant now) {
        require("checked again", ShipmentStatus.HELD);
        updatedAt = now;
    }

    /** Shopify was asked to release what holds it back; it is offered to the push queue at once. */
    void releaseRequested(Instant now) {
        require("released", ShipmentStatus.HELD);
        lastError = "Release requested in Shopify; shipping once Shopify says the items are open";
        updatedAt = now;
    }

    void markCancelled(Instant now) {
        status = ShipmentStatus.CANCELLED;
        holdReason = null;
        cancelRequested = false;
        trackingPending = false;
        fulfillments =
                fulfillments.stream().map(f -> f.withStatus("cancelled", null)).toList();
        lastError = null;
        updatedAt = now;
    }

    /**
     * Records what a fulfillments webhook says about one of its fulfillments, adding it when the webhook is the first
     * to tell (it overtook the worker's answer). A fulfilled shipment whose fulfillments were all cancelled in Shopify,
     * not by OrderBridge, has failed.
     */
    void recordShopifyFulfillment(ShopifyFulfillmentRef reported, Instant now) {
        var updated = new ArrayList<ShopifyFulfillmentRef>();
        boolean known = false;
        for (ShopifyFulfillmentRef f : fulfillments) {
            if (f.id() == reported.id()) {
                known = true;
                updated.add(f.withStatus(reported.status(), reported.deliveryStatus()));
            } else {
                updated.add(f);
            }
        }
        if (!known) {
            updated.add(reported);
        }
        fulfillments = List.copyOf(updated);
        if (reported.deliveryStatus() != null) {
            deliveryStatus = reported.deliveryStatus();
        }
        if (status == ShipmentStatus.FULFILLED && !cancelRequested && everyFulfillmentCancelled()) {
            // Cancelled outside OrderBridge (by hand in the admin, or by another app): the goods did not ship as
            // recorded, and the items are open to fulfil again. FAILED puts it in front of a person.
            status = ShipmentStatus.FAILED;
            failureReason = "Its fulfillment was cancelled in Shopify, outside OrderBridge; the items are open to ship"
                    + " again";
            trackingPending = false;
        }
        updatedAt = now;
    }

    private boolean everyFulfillmentCancelled() {
        return !fulfillments.isEmpty() && fulfillments.stream().allMatch(f -> "cancelled".equalsIgnoreCase(f.status()));
    }

    private List<ShopifyFulfillmentRef> merge(List<ShopifyFulfillmentRef> created) {
        var merged = new ArrayList<>(fulfillments);
        for (ShopifyFulfillmentRef f : created) {
            if (merged.stream().noneMatch(m -> m.id() == f.id())) {
                merged.add(f);
            }
        }
        return List.copyOf(merged);
    }

    private void require(String action, ShipmentStatus... allowed) {
        for (ShipmentStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new IllegalShipmentTransitionException(shipmentId, status, action);
    }

    UUID id() {
        return id;
    }

    UUID orderId() {
        return orderId;
    }

    String shopDomain() {
        return shopDomain;
    }

    String shipmentId() {
        return shipmentId;
    }

    ShipmentStatus status() {
        return status;
    }

    String contentHash() {
        return contentHash;
    }

    List<ShipmentItem> items() {
        return items;
    }

    @Nullable String carrier() {
        return carrier;
    }

    List<String> trackingNumbers() {
        return trackingNumbers;
    }

    @Nullable String trackingUrl() {
        return trackingUrl;
    }

    boolean notifyCustomer() {
        return notifyCustomer;
    }

    List<ShopifyFulfillmentRef> fulfillments() {
        return fulfillments;
    }

    @Nullable String deliveryStatus() {
        return deliveryStatus;
    }

    boolean awaitingOrder() {
        return awaitingOrder;
    }

    boolean trackingPending() {
        return trackingPending;
    }

    boolean trackingNotify() {
        return trackingNotify;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Ships everything Shopify says remains; its items are an estimate until they are fixed before the first create. */
    boolean everythingLeft() {
        return everythingLeft;
    }

    @Nullable String holdReason() {
        return holdReason;
    }

    /** The Shopify location it left from, when the warehouse named it. */
    @Nullable String locationGid() {
        return locationGid;
    }

    @Nullable Instant createAttemptedAt() {
        return createAttemptedAt;
    }

    @Nullable String failureReason() {
        return failureReason;
    }

    @Nullable String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
