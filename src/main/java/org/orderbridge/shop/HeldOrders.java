package org.orderbridge.shop;

import java.util.List;

/**
 * The orders held for a shop, as an erasure or a data request needs them. The order feature provides it: orders are
 * the one thing an erasure must count and a data request must show, which an event cannot answer.
 */
public interface HeldOrders {

    boolean holdsOrdersOf(String shop);

    /**
     * Erases every order of the shop, in the caller's transaction.
     *
     * @return how many orders were erased
     */
    int eraseShop(String shop);

    /**
     * Clears a customer's personal data from the shop's orders: the customer's and those Shopify names.
     *
     * @return how many orders were redacted
     */
    int redactCustomer(String shop, long customerId, List<Long> shopifyOrderIds);

    /** The customer's orders (and those Shopify names) as the order API shows them, oldest first. */
    List<?> export(String shop, long customerId, List<Long> shopifyOrderIds);
}
