package org.orderbridge.shopify;

/** Whether the app is still installed in a shop, as Shopify answers it. */
@FunctionalInterface
public interface ShopifyInstallations {

    enum Installation {
        /** Shopify accepted the app's access token. */
        INSTALLED,
        /** Shopify refused the token (HTTP 401): uninstalling the app revokes it. */
        UNINSTALLED,
        /** No access token is configured for the shop: Shopify cannot be asked. */
        NOT_CONNECTED
    }

    /**
     * Asks Shopify with the cheapest authenticated read ({@code currentAppInstallation}).
     *
     * @throws ShopifyUnavailableException when Shopify could not answer, or refused for another reason than the token
     */
    Installation installation(String shop);
}
