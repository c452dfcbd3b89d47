package org.orderbridge.access;

import java.time.Instant;

/**
 * Shopify accepted the app's access token for a shop: the app is installed there. Shopify sends no webhook when a shop
 * installs the app (again), so this is how the service learns it. Published by every successful check, hourly.
 *
 * @param askedAt when the check began: the app was installed at the latest then
 */
public record AppInstallationConfirmed(String shop, Instant askedAt) {}
