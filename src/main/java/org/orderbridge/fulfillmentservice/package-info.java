/**
 * Fulfillment service (3PL) mode: per shop, the app registered as a Shopify fulfillment service with its own location;
 * the merchant's fulfillment and cancellation requests for the fulfillment orders assigned to it (webhooks, and a
 * periodic catch-up read), answered by the configured rule or through the API, each answer sent to Shopify once through
 * the push queue.
 */
@ApplicationModule(
        displayName = "Fulfillment service",
        allowedDependencies = {"shopify", "push", "platform", "platform :: web", "shop"})
@NullMarked
package org.orderbridge.fulfillmentservice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
