package org.orderbridge.shop;

import java.time.Instant;
import org.orderbridge.shopify.ShopifyInstallations.Installation;

/** What Shopify answered on whether the app is installed in a shop, and when it was asked. */
public record InstallationCheck(Installation installation, Instant askedAt) {}
