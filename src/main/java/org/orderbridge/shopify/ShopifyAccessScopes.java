package org.orderbridge.shopify;

import java.util.List;
import java.util.Set;

/** What each connected shop granted the app, to be held against {@link ShopifyFeature#scopes()}. */
public interface ShopifyAccessScopes {

    /** The shops an access token is configured for. */
    List<String> shops();

    /**
     * The handles of the access scopes the shop granted ({@code currentAppInstallation.accessScopes}).
     *
     * @throws ShopifyUnavailableException when Shopify could not answer, or refused (a revoked token); ask again later
     */
    Set<String> granted(String shop);
}
