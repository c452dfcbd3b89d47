package org.orderbridge.order;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The push lease and the create-attempted mark on {@code shop_order}, written with plain conditional updates: the
 * database decides who pushes, whatever the instances remember. The columns are not mapped on {@link Order}, so
 * Hibernate never writes back a value it read before another worker changed it.
 */
@Component
class PushLeases {

    private final JdbcClient jdbc;

    PushLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lease if the order is pending and nobody holds an unexpired one. */
    Optional<PushLease> acquire(OrderId id, String owner, Duration duration) {
        return jdbc.sql("""
                update shop_order
                   set push_lease_owner = :owner,
                       push_lease_until = clock_timestamp() + :millis * interval '1 millisecond'
                 where id = :id
                   and status = 'PENDING_PUSH'
                   and (push_lease_until is null or push_lease_until < clock_timestamp())
                returning push_lease_until, create_attempted_at is not null as create_attempted""")
                .param("owner", owner)
                .param("millis", duration.toMillis())
                .param("id", id.value())
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
    boolean recordCreateAttempt(PushLease lease) {
        return jdbc.sql("""
                        update shop_order
                           set create_attempted_at = coalesce(create_attempted_at, clock_timestamp())
                         where id = :id
                           and push_lease_owner = :owner
                           and push_lease_until > clock_timestamp()
                           and status = 'PENDING_PUSH'""")
                        .param("id", lease.orderId().value())
                        .param("owner", lease.owner())
                        .update()
                == 1;
    }

    /** Frees the lease at once; does nothing when it expired and somebody else took it since. */
    void release(PushLease lease) {
        jdbc.sql("""
                update shop_order set push_lease_owner = null, push_lease_until = null
                 where id = :id and push_lease_owner = :owner""")
                .param("id", lease.orderId().value())
                .param("owner", lease.owner())
                .update();
    }

    /** How long the order's current lease still runs, by the database's clock; zero when there is none. */
    Duration remaining(OrderId id) {
        return jdbc.sql("""
                        select coalesce(greatest(0, extract(epoch from push_lease_until - clock_timestamp()) * 1000), 0)
                          from shop_order where id = ?""")
                .param(id.value())
                .query(Double.class)
                .optional()
                .map(millis -> Duration.ofMillis(millis.longValue()))
                .orElse(Duration.ZERO);
    }
}
