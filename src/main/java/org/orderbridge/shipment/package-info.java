/**
 * Shipments flowing back to Shopify: the shipments API, fulfilling orders through Shopify's fulfillment orders (pushed
 * through the push queue), tracking updates, cancellation, and every fulfillment Shopify's webhooks report, linked back
 * to its shipment or recorded as made outside OrderBridge.
 */
@ApplicationModule(
        displayName = "Shipments",
        allowedDependencies = {"order", "shopify", "push", "platform", "platform :: web", "shop", "fulfillmentservice"})
@NullMarked
package org.orderbridge.shipment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
