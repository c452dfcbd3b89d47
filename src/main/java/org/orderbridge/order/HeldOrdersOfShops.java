package org.orderbridge.order;

import java.util.List;
import org.orderbridge.shop.HeldOrders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The orders of a shop as its erasure and its customers' data requests see them. */
@Component
class HeldOrdersOfShops implements HeldOrders {

    private final Orders orders;
    private final CustomerOrders customerOrders;

    HeldOrdersOfShops(Orders orders, CustomerOrders customerOrders) {
        this.orders = orders;
        this.customerOrders = customerOrders;
    }

    @Override
    public boolean holdsOrdersOf(String shop) {
        return orders.holdsOrdersOf(shop);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int eraseShop(String shop) {
        return orders.redactShop(shop);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int redactCustomer(String shop, long customerId, List<Long> shopifyOrderIds) {
        return orders.redactCustomer(shop, customerId, shopifyOrderIds);
    }

    @Override
    public List<?> export(String shop, long customerId, List<Long> shopifyOrderIds) {
        return customerOrders.export(shop, customerId, shopifyOrderIds);
    }
}
