package org.orderbridge.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.RowLease;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The backfill table. Every write after the claim names the claim holding the lease, so a worker that lost its lease
 * (it stalled, another claim took over) learns so at its next checkpoint and stops.
 */
@Repository
class BackfillStore {

    private static final String COLUMNS =
            "id, shop_domain, since, until, method, state, bulk_operation_id, bulk_status,"
                    + " page_cursor, lines_processed, orders_seen, orders_created, orders_updated, orders_current,"
                    + " orders_failed, failure_reason, requested_at, started_at, finished_at";

    private final JdbcTemplate jdbc;
    private final RowLease lease;

    BackfillStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.lease = new RowLease(JdbcClient.create(jdbc), "backfill", "id", "lease_owner", "lease_until");
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the shop has a backfill queued or running */
    void insert(Backfill backfill) {
        jdbc.update(
                "insert into backfill (id, shop_domain, since, until, method, state, requested_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                backfill.id(),
                backfill.shopDomain(),
                Timestamp.from(backfill.since()),
                Timestamp.from(backfill.until()),
                backfill.method().name(),
                backfill.state().name(),
                Timestamp.from(backfill.requestedAt()));
    }

    Optional<Backfill> find(String shop, UUID id) {
        return first("where id = ? and shop_domain = ?", id, shop);
    }

    Optional<Backfill> latest(String shop) {
        return first("where shop_domain = ? order by requested_at desc limit 1", shop);
    }

    Optional<Backfill> active(String shop) {
        return first("where shop_domain = ? and state in ('QUEUED', 'RUNNING')", shop);
    }

    private Optional<Backfill> first(String condition, Object... args) {
        return jdbc.query("select " + COLUMNS + " from backfill " + condition, ROWS, args).stream()
                .findFirst();
    }

    /**
     * Takes the oldest backfill that nobody holds (new, or its instance's lease ran out) for this instance. SKIP LOCKED:
     * instances looking at once take different backfills instead of queueing behind one another.
     */
    Optional<Backfill> claim(UUID owner, Duration duration) {
        return lease.takeFirst(owner, duration, "requested_at")
                .set("state = 'RUNNING'", "started_at = coalesce(started_at, now())")
                .where("state in ('QUEUED', 'RUNNING')")
                .returning(COLUMNS)
                .query(ROWS)
                .optional();
    }

    /** Commits progress and renews the lease; false when this instance no longer holds the backfill. */
    boolean checkpoint(Backfill backfill, UUID owner, Duration duration) {
        return progress(lease.renew(backfill.id(), owner, duration), backfill)
                        .set("bulk_operation_id = :bulkOperationId")
                        .where("state = 'RUNNING'")
                        .param("bulkOperationId", backfill.bulkOperationId())
                        .update()
                == 1;
    }

    /** Extends the lease; false when this claim no longer holds the backfill. */
    boolean renew(UUID id, UUID owner, Duration duration) {
        return lease.renew(id, owner, duration).where("state = 'RUNNING'").update() == 1;
    }

    /** Ends the backfill with its final progress. */
    boolean finish(Backfill backfill, UUID owner, Backfill.State state, @Nullable String reason) {
        return progress(lease.release(backfill.id(), owner), backfill)
                        .set("state = :state", "failure_reason = :reason", "finished_at = now()")
                        .where("state = 'RUNNING'")
                        .param("state", state.name())
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** Hands the backfill back, to be taken again (by any instance) after {@code delay}. */
    void release(UUID id, UUID owner, Duration delay) {
        lease.release(id, owner, delay).update();
    }

    private static RowLease.Statement progress(RowLease.Statement statement, Backfill backfill) {
        Backfill.Counts counts = backfill.counts();
        return statement
                .set(
                        "bulk_status = :bulkStatus",
                        "page_cursor = :pageCursor",
                        "lines_processed = :linesProcessed",
                        "orders_seen = :seen",
                        "orders_created = :created",
                        "orders_updated = :updated",
                        "orders_current = :current",
                        "orders_failed = :failed")
                .param("bulkStatus", backfill.bulkStatus())
                .param("pageCursor", backfill.pageCursor())
                .param("linesProcessed", backfill.linesProcessed())
                .param("seen", counts.seen())
                .param("created", counts.created())
                .param("updated", counts.updated())
                .param("current", counts.current())
                .param("failed", counts.failed());
    }

    private static final RowMapper<Backfill> ROWS = (rs, row) -> new Backfill(
            rs.getObject("id", UUID.class),
            rs.getString("shop_domain"),
            instant(rs, "since"),
            instant(rs, "until"),
            Backfill.Method.valueOf(rs.getString("method")),
            Backfill.State.valueOf(rs.getString("state")),
            rs.getString("bulk_operation_id"),
            rs.getString("bulk_status"),
            rs.getString("page_cursor"),
            rs.getLong("lines_processed"),
            new Backfill.Counts(
                    rs.getLong("orders_seen"),
                    rs.getLong("orders_created"),
                    rs.getLong("orders_updated"),
                    rs.getLong("orders_current"),
                    rs.getLong("orders_failed")),
            rs.getString("failure_reason"),
            instant(rs, "requested_at"),
            nullableInstant(rs, "started_at"),
            nullableInstant(rs, "finished_at"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
