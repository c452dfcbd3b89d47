package org.orderbridge.order;

import java.util.Objects;

/**
 * A Shopify order id that is already stored under another shop. Shopify's ids are unique across shops, so
 * this is a body of one shop replayed under another shop's name; an order never changes shops.
 */
public class ForeignShopOrderException extends RuntimeException {

    ForeignShopOrderException(long shopifyOrderId, String claimedShop) {
        super("Shopify order " + shopifyOrderId + " is stored under another shop than " + claimedShop);
    }

    /** Never null: the constructor builds the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
