package org.orderbridge.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The order feature's public service: reads, and the changes that Shopify tells us about. */
@Service
public class Orders {

    private final OrderRepository repository;
    private final Clock clock;

    Orders(OrderRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(OrderId id) {
        return repository.findById(id.value());
    }

    @Transactional(readOnly = true)
    public OrderPage list(OrderFilter filter, OrderCursor after, int limit) {
        List<Order> orders = repository.search(filter, after, limit + 1);
        boolean more = orders.size() > limit;
        List<Order> page = more ? orders.subList(0, limit) : orders;
        return new OrderPage(List.copyOf(page), more ? OrderCursor.after(page.getLast()) : null);
    }

    /**
     * Records what a Shopify webhook says about an order. Runs inside the caller's transaction so that the
     * webhook's delivery record and its effect commit together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SyncResult applyShopifySnapshot(ShopifyOrderSnapshot snapshot) {
        Instant now = now();
        Optional<Order> known = repository.findForUpdate(snapshot.shopDomain(), snapshot.shopifyOrderId());
        if (known.isPresent()) {
            return known.get().applyShopify(snapshot, now) ? SyncResult.UPDATED : SyncResult.STALE;
        }
        Optional<Order> ours = pushedByUs(snapshot);
        if (ours.isPresent()) {
            return ours.get().applyShopify(snapshot, now) ? SyncResult.LINKED : SyncResult.STALE;
        }
        repository.saveAndFlush(Order.fromShopify(snapshot, now));
        return SyncResult.CREATED;
    }

    /** Shopify echoes our order id as source identifier, so its webhook finds the order we pushed. */
    private Optional<Order> pushedByUs(ShopifyOrderSnapshot snapshot) {
        if (snapshot.sourceIdentifier() == null) {
            return Optional.empty();
        }
        try {
            OrderId id = OrderId.parse(snapshot.sourceIdentifier());
            return repository.findForUpdate(id.value())
                    .filter(order -> order.source() == OrderSource.API)
                    .filter(order -> order.shopDomain().equals(snapshot.shopDomain()));
        } catch (InvalidOrderIdException notOurs) {
            return Optional.empty();
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markDeletedInShopify(String shop, long shopifyOrderId) {
        Optional<Order> order = repository.findForUpdate(shop, shopifyOrderId);
        order.ifPresent(o -> o.markDeletedInShopify(now()));
        return order.isPresent();
    }

    /** Erases a customer's personal data from the shop's orders (Shopify's customers/redact). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int redactCustomer(String shop, Long shopifyCustomerId, List<Long> shopifyOrderIds) {
        List<Order> orders = repository.findCustomerOrders(shop, shopifyCustomerId,
                shopifyOrderIds.isEmpty() ? List.of(-1L) : shopifyOrderIds);
        Instant now = now();
        orders.forEach(order -> order.redactCustomer(now));
        return orders.size();
    }

    /** Erases everything we hold for a shop (Shopify's shop/redact, 48 hours after uninstall). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int redactShop(String shop) {
        return repository.deleteByShop(shop);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    public enum SyncResult {
        CREATED, UPDATED, LINKED, STALE
    }
}
