/** The order aggregate, order intake, the read API, and the order's push to Shopify with its push lease. */
@ApplicationModule(
        displayName = "Orders",
        allowedDependencies = {"shopify", "platform", "platform :: web", "push", "shop"})
@NullMarked
package org.orderbridge.order;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
