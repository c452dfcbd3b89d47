/**
 * Erasure and data requests: the tombstones of erased shops that every later message, pass or backfill of the shop
 * is checked against, the {@link org.orderbridge.shop.ShopErased} and {@link org.orderbridge.shop.CustomerErased}
 * events each feature answers for its own tables, and the exports answering Shopify's customers/data_request.
 */
@ApplicationModule(
        displayName = "Shop erasure and data requests",
        allowedDependencies = {"platform", "platform :: web"})
@NullMarked
package org.orderbridge.shop;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
