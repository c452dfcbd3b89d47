/** Pushing accepted orders to Shopify: transactional outbox, relay, push queue and worker. */
@ApplicationModule(
        displayName = "Order push",
        allowedDependencies = {"order", "shopify", "platform", "deadletter"})
@NullMarked
package org.orderbridge.push;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
