package org.orderbridge.order;

import java.time.Duration;
import java.util.Optional;
import org.orderbridge.platform.RowLease;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The push lease and the create-attempted mark on {@code shop_order}, written with plain conditional updates: the
 * database decides who pushes, whatever the instances remember. The columns are not mapped on {@link Order}, so
 * Hibernate never writes back a value it read before another worker changed it.
 */
@Component
class PushLeases {

    private final RowLease lease;
    private final JdbcClient jdbc;

    PushLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.lease = new RowLease(jdbc, "shop_order", "id", "push_lease_owner", "push_lease_until");
    }

    /** Takes the lease if the order is pending and nobody holds an unexpired one. */
    Optional<PushLease> acquire(OrderId id, String owner, Duration duration) {
        return lease.take(id.value(), owner, duration)
                .where("status = 'PENDING_PUSH'")
                .returning("push_lease_until, create_attempted_at is not null as create_attempted")
                .query((rs, row) -> new PushLease(
                        id, owner, rs.getTimestamp("push_lease_until").toInstant(), rs.getBoolean("create_attempted")))
                .optional();
    }

    /**
     * Marks that a create is about to leave, but only while the lease is still this owner's and the order still
     * pending: a worker that lost its lease (it outlived it) or whose order was settled meanwhile sends nothing.
     *
     * @return false when the create must not be sent
     */
    boolean recordCreateAttempt(PushLease held) {
        return lease.whileHeld(held.orderId().value(), held.owner())
                        .set("create_attempted_at = coalesce(create_attempted_at, clock_timestamp())")
                        .where("status = 'PENDING_PUSH'")
                        .update()
                == 1;
    }

    /**
     * Takes the lease for the order's cancellation in Shopify, if one is under way and nobody holds an unexpired lease:
     * the same lease as the push's, so a cancellation waits for a create that is under way.
     *
     * @return the lease, its {@code createAttempted} saying whether an orderCancel may have been sent already, and when
     */
    Optional<CancelLease> acquireForCancel(OrderId id, String owner, Duration duration) {
        return lease.take(id.value(), owner, duration)
                .where("cancel_state in ('REQUESTED', 'SENT')")
                .returning("push_lease_until, cancel_sent_at")
                .query((rs, row) -> {
                    java.sql.Timestamp sentAt = rs.getTimestamp("cancel_sent_at");
                    return new CancelLease(
                            new PushLease(
                                    id,
                                    owner,
                                    rs.getTimestamp("push_lease_until").toInstant(),
                                    sentAt != null),
                            sentAt == null ? null : sentAt.toInstant());
                })
                .optional();
    }

    /**
     * Marks that an orderCancel is about to leave, while the lease is still this owner's and the cancellation still
     * under way.
     *
     * @return false when the orderCancel must not be sent
     */
    boolean recordCancelAttempt(PushLease held) {
        return lease.whileHeld(held.orderId().value(), held.owner())
                        .set("cancel_sent_at = clock_timestamp()")
                        .where("cancel_state in ('REQUESTED', 'SENT')")
                        .update()
                == 1;
    }

    /** Whether an orderCreate may have left for the order; read under the order's row lock, it cannot change. */
    boolean createAttempted(OrderId id) {
        return jdbc.sql("select create_attempted_at is not null from shop_order where id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Frees the lease at once; does nothing when it expired and somebody else took it since. */
    void release(PushLease held) {
        lease.release(held.orderId().value(), held.owner()).update();
    }

    /** How long the order's current lease still runs, by the database's clock; zero when there is none. */
    Duration remaining(OrderId id) {
        return lease.remaining(id.value());
    }
}
