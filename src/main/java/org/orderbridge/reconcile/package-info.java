/**
 * Never miss an order: reconciliation of each shop's orders against Shopify, and backfills on demand, both through the
 * same idempotent apply path as webhooks.
 */
@ApplicationModule(
        displayName = "Reconciliation and backfill",
        allowedDependencies = {"order", "shopify", "platform"})
@NullMarked
package org.orderbridge.reconcile;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
