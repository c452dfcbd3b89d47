/**
 * Webhook subscription upkeep: per shop, on start and then hourly, the app's webhook subscriptions for the topics this
 * service handles are read from Shopify, missing ones created and misdirected ones repointed, once across instances.
 */
@ApplicationModule(
        displayName = "Webhook subscriptions",
        allowedDependencies = {"shopify", "platform", "shop"})
@NullMarked
package org.orderbridge.subscription;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
