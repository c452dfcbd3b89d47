package org.orderbridge.order;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything held of one customer's orders in a shop, as the order API shows each order (customer, addresses, lines,
 * shipments): the content of an answer to Shopify's customers/data_request.
 */
@Component
class CustomerOrders {

    private final OrderRepository repository;
    private final ObjectProvider<OrderShipments> shipments;

    CustomerOrders(OrderRepository repository, ObjectProvider<OrderShipments> shipments) {
        this.repository = repository;
        this.shipments = shipments;
    }

    /**
     * @param shopifyOrderIds the orders Shopify named in the request, held also when they carry no customer id
     * @return the orders' API views, oldest first
     */
    @Transactional(readOnly = true)
    List<?> export(String shop, long shopifyCustomerId, List<Long> shopifyOrderIds) {
        return repository
                .findCustomerOrders(shop, shopifyCustomerId, shopifyOrderIds.isEmpty() ? List.of(-1L) : shopifyOrderIds)
                .stream()
                .sorted(Comparator.comparing(Order::createdAt))
                .map(order -> OrderView.withShipments(order, shipments))
                .toList();
    }
}
