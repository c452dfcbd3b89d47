/** The order aggregate, order intake and the read API. */
@ApplicationModule(
        displayName = "Orders",
        allowedDependencies = {"shopify", "platform", "platform :: web"})
@NullMarked
package org.orderbridge.order;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
