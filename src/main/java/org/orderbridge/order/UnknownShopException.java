package org.orderbridge.order;

/** No access token is configured for the shop, so no order can reach it; the API answers 422. */
class UnknownShopException extends RuntimeException {

    UnknownShopException(String shop) {
        super("Shop '" + shop + "' is not connected to OrderBridge");
    }
}
