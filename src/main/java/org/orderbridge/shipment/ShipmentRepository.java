package org.orderbridge.shipment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ShipmentRepository extends JpaRepository<Shipment, UUID> {

    List<Shipment> findByOrderIdOrderByCreatedAt(UUID orderId);

    Optional<Shipment> findByOrderIdAndShipmentId(UUID orderId, String shipmentId);

    @Query("select s.id from Shipment s where s.awaitingOrder = true order by s.createdAt")
    List<UUID> findAwaitingOrder(org.springframework.data.domain.Limit limit);

    List<Shipment> findByShopDomainAndOrderId(String shopDomain, UUID orderId);
}
