package org.orderbridge.shipment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ShipmentRepository extends JpaRepository<Shipment, UUID> {

    List<Shipment> findByOrderIdOrderByCreatedAt(UUID orderId);

    Optional<Shipment> findByOrderIdAndShipmentId(UUID orderId, String shipmentId);

    @Query("select s.id from Shipment s where s.awaitingOrder = true order by s.createdAt")
    List<UUID> findAwaitingOrder(org.springframework.data.domain.Limit limit);

    @Query("select s.id from Shipment s where s.status = org.orderbridge.shipment.ShipmentStatus.HELD"
            + " and s.updatedAt < :before order by s.updatedAt")
    List<UUID> findHeldSince(java.time.Instant before, Limit limit);

    @Query("select s.id from Shipment s where s.shopDomain = :shopDomain"
            + " and s.status = org.orderbridge.shipment.ShipmentStatus.HELD")
    List<UUID> findHeldOfShop(String shopDomain);

    @Query("select s from Shipment s where s.status in (org.orderbridge.shipment.ShipmentStatus.FAILED,"
            + " org.orderbridge.shipment.ShipmentStatus.HELD) order by s.updatedAt")
    List<Shipment> findNeedingAttention(Limit limit);

    // Every change of a shipment reads it with a row lock: the API, the worker, the releaser and the fulfillments
    // webhooks change the same shipment concurrently, and each must build on the others' committed state rather than
    // fail on its version.
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.id = :id")
    Optional<Shipment> findForUpdate(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.orderId = :orderId and s.shipmentId = :shipmentId")
    Optional<Shipment> findForUpdate(UUID orderId, String shipmentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.shopDomain = :shopDomain and s.orderId = :orderId order by s.createdAt")
    List<Shipment> findForUpdateByShopDomainAndOrderId(String shopDomain, UUID orderId);
}
