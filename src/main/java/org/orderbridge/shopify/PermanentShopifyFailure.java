package org.orderbridge.shopify;

import java.util.Objects;

/** Repeating the request cannot help: bad credentials, unknown shop, a document or input Shopify refuses. */
final class PermanentShopifyFailure extends RuntimeException {

    PermanentShopifyFailure(String message) {
        super(message, null, false, false);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
