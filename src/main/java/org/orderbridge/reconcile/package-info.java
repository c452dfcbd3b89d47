/**
 * Reconciliation and backfill: reads a shop's updated orders from Shopify (continuously, or on an operator's request
 * over any range) and applies them the way webhooks are applied, so that an order whose webhooks never arrived is still
 * stored.
 */
@ApplicationModule(
        displayName = "Reconciliation and backfill",
        allowedDependencies = {"order", "shopify", "platform", "platform :: web", "subscription", "shop"})
@NullMarked
package org.orderbridge.reconcile;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
