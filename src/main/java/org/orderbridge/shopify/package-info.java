/** The Shopify Admin GraphQL client: duplicate-safe order creation, rate limits, retries and circuit breakers. */
@ApplicationModule(
        displayName = "Shopify Admin API",
        allowedDependencies = {})
@NullMarked
package org.orderbridge.shopify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
