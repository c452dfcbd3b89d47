package org.orderbridge.shipment;

import java.time.Duration;
import java.util.UUID;
import org.orderbridge.platform.RowLease;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One worker at a time per shipment (duplicate or concurrent push messages for one shipment must not both create), and
 * the create journal: both plain updates committed at once, outside the entity, so that no transaction is held while
 * Shopify answers.
 */
@Component
class ShipmentLease {

    private final RowLease lease;
    private final Duration duration;

    ShipmentLease(JdbcClient jdbc, ShipmentProperties properties) {
        this.lease = new RowLease(jdbc, "shipment", "id", "lease_token", "lease_until");
        this.duration = properties.lease();
    }

    boolean claim(UUID shipment, UUID token) {
        return lease.take(shipment, token, duration).update() == 1;
    }

    /**
     * Records, before a create is sent, that one may have been; and refuses when this worker lost its lease or the
     * shipment was withdrawn meanwhile. The version moves, so that a concurrent change of the entity (say, a cancel that
     * read "nothing attempted") fails instead of overwriting it.
     *
     * @throws LeaseLostException when nothing may be sent
     */
    void journalCreate(UUID shipment, UUID token) {
        int updated = lease.renew(shipment, token, duration)
                .set("create_attempted_at = coalesce(create_attempted_at, now())", "version = version + 1")
                .where("status in ('PENDING_PUSH', 'HELD')")
                .update();
        if (updated != 1) {
            throw new LeaseLostException("Shipment " + shipment + " was taken over or changed; not creating");
        }
    }

    /**
     * Fixes the items of a shipment of everything left to what Shopify said remained, before its first create is
     * journalled: every later attempt ships these, whatever is left after its own earlier creates.
     *
     * @throws LeaseLostException when this worker lost its lease or the shipment was withdrawn meanwhile
     */
    void fixItems(UUID shipment, UUID token, String itemsJson) {
        int updated = lease.renew(shipment, token, duration)
                .set("items = cast(:items as jsonb)", "everything_left = false", "version = version + 1")
                .where("status in ('PENDING_PUSH', 'HELD')")
                .param("items", itemsJson)
                .update();
        if (updated != 1) {
            throw new LeaseLostException("Shipment " + shipment + " was taken over or changed; not creating");
        }
    }

    void release(UUID shipment, UUID token) {
        lease.release(shipment, token).update();
    }

    static class LeaseLostException extends RuntimeException {
        LeaseLostException(String message) {
            super(message);
        }
    }
}
