/**
 * Pushing to Shopify: transactional outbox, relay, push queue and its listener, which hands each message to the
 * {@link org.orderbridge.push.PushHandler} of its kind, declared by the feature that pushes that kind.
 */
@ApplicationModule(
        displayName = "Push to Shopify",
        allowedDependencies = {"shopify", "platform", "deadletter"})
@NullMarked
package org.orderbridge.push;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
