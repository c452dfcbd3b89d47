/**
 * Privacy and the shop's life with the app: Shopify's compliance requests and {@code app/uninstalled} as the webhook
 * feature hands them over ({@link org.orderbridge.shop.ComplianceRequests}), the shops' installation records, parked
 * shop erasures, the tombstones of erased shops that every later message, pass or backfill of the shop is checked
 * against, the {@link org.orderbridge.shop.ShopErased} and {@link org.orderbridge.shop.CustomerErased} events each
 * feature answers for its own tables, and the exports answering Shopify's customers/data_request. The order feature
 * provides {@link org.orderbridge.shop.HeldOrders}, which an erasure counts and a data request shows.
 */
@ApplicationModule(
        displayName = "Shop erasure and data requests",
        allowedDependencies = {"access", "shopify", "platform", "platform :: web"})
@NullMarked
package org.orderbridge.shop;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
