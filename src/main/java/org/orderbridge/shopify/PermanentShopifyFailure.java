package org.orderbridge.shopify;

/** Repeating the request cannot help: bad credentials, unknown shop, a document or input Shopify refuses. */
final class PermanentShopifyFailure extends RuntimeException {

    PermanentShopifyFailure(String message) {
        super(message, null, false, false);
    }
}
