package org.orderbridge.shopify;

import java.util.Objects;

/** Repeating the request cannot help: bad credentials, unknown shop, a document or input Shopify refuses. */
final class PermanentShopifyFailure extends RuntimeException {

    private final boolean tokenRefused;

    PermanentShopifyFailure(String message) {
        this(message, false);
    }

    private PermanentShopifyFailure(String message, boolean tokenRefused) {
        super(message, null, false, false);
        this.tokenRefused = tokenRefused;
    }

    /** HTTP 401: Shopify no longer accepts the access token, as after the app was uninstalled. */
    static PermanentShopifyFailure tokenRefused(String message) {
        return new PermanentShopifyFailure(message, true);
    }

    boolean isTokenRefused() {
        return tokenRefused;
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
