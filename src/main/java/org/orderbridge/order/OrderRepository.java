package org.orderbridge.order;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, UUID>, OrderQueries {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.shopDomain = :shop and o.shopifyOrderId = :shopifyOrderId")
    Optional<Order> findForUpdate(String shop, long shopifyOrderId);

    @Query("select o.id from Order o where o.shopDomain = :shop and o.shopifyOrderId = :shopifyOrderId")
    Optional<UUID> findIdByShopifyOrderId(String shop, long shopifyOrderId);

    /** Every shop's order with this Shopify id (a webhook's shop must be the one that holds it), locked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.shopifyOrderId = :shopifyOrderId order by o.shopDomain")
    List<Order> findAllForUpdate(long shopifyOrderId);

    boolean existsByShopDomain(String shopDomain);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.id = :id")
    Optional<Order> findForUpdate(UUID id);

    Optional<Order> findByShopDomainAndExternalId(String shopDomain, String externalId);

    @Query("""
            select o from Order o where o.shopDomain = :shop
              and (o.shopifyCustomerId = :shopifyCustomerId or o.shopifyOrderId in :shopifyOrderIds)""")
    List<Order> findCustomerOrders(String shop, @Nullable Long shopifyCustomerId, List<Long> shopifyOrderIds);

    @Query("""
            select o from Order o
             where o.status = org.orderbridge.order.OrderStatus.PUSH_FAILED
                or (o.status = org.orderbridge.order.OrderStatus.PENDING_PUSH and o.updatedAt < :pendingBefore)
                or (o.totalsMismatch is not null and o.totalsMismatchSeenAt is null)
                or o.cancelState = org.orderbridge.order.CancellationState.REFUSED
                or (o.cancelState in (org.orderbridge.order.CancellationState.REQUESTED,
                        org.orderbridge.order.CancellationState.SENT)
                    and o.updatedAt < :pendingBefore)
             order by o.updatedAt""")
    List<Order> findNeedingAttention(Instant pendingBefore, Limit limit);

    @Query("select o.id from Order o where o.shopDomain = :shop")
    List<UUID> findIdsByShopDomain(String shop);

    @Modifying
    @Query("delete from Order o where o.shopDomain = :shop")
    int deleteByShop(String shop);
}
