/**
 * Reconciliation: reads each shop's recently updated orders from Shopify and applies them the way webhooks are
 * applied, so that an order whose webhooks never arrived is still stored.
 */
@ApplicationModule(
        displayName = "Reconciliation",
        allowedDependencies = {"order", "shopify", "platform"})
@NullMarked
package org.orderbridge.reconcile;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
