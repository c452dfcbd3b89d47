/** Shopify webhooks: verified, queued and acknowledged, then applied idempotently from the queue. */
@ApplicationModule(
        displayName = "Shopify webhooks",
        allowedDependencies = {
            "order",
            "shopify",
            "shipment",
            "fulfillmentservice",
            "platform",
            "platform :: web",
            "deadletter",
            "shop"
        })
@NullMarked
package org.orderbridge.webhook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
