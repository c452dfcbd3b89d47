package org.orderbridge.shipment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.orderbridge.order.OrderId;

/**
 * A shipment that Shopify cannot fulfil as asked, or that waits HELD on Shopify (its reason says {@code HELD: …}), as
 * an operator sees it.
 */
public record FailedShipment(
        OrderId orderId,
        String shopDomain,
        String shipmentId,
        @Nullable String failureReason,
        @Nullable String lastError,
        Instant updatedAt) {}
