package org.orderbridge.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    BackfillStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
    Optional<Backfill> claim(UUID owner, Duration lease) {
        List<Backfill> claimed = jdbc.query(
                "update backfill set state = 'RUNNING', lease_owner = ?, lease_until = now() + ? * interval '1 millisecond',"
                        + " started_at = coalesce(started_at, now())"
                        + " where id = (select id from backfill where state in ('QUEUED', 'RUNNING')"
                        + " and (lease_until is null or lease_until < now()) order by requested_at limit 1"
                        + " for update skip locked)"
                        + " returning " + COLUMNS,
                ROWS,
                owner,
                lease.toMillis());
        return claimed.stream().findFirst();
    }

    /** Commits progress and renews the lease; false when this instance no longer holds the backfill. */
    boolean checkpoint(Backfill backfill, UUID owner, Duration lease) {
        Backfill.Counts counts = backfill.counts();
        return jdbc.update(
                        "update backfill set bulk_operation_id = ?, bulk_status = ?, page_cursor = ?,"
                                + " lines_processed = ?, orders_seen = ?, orders_created = ?, orders_updated = ?,"
                                + " orders_current = ?, orders_failed = ?,"
                                + " lease_until = now() + ? * interval '1 millisecond'"
                                + " where id = ? and lease_owner = ? and state = 'RUNNING'",
                        backfill.bulkOperationId(),
                        backfill.bulkStatus(),
                        backfill.pageCursor(),
                        backfill.linesProcessed(),
                        counts.seen(),
                        counts.created(),
                        counts.updated(),
                        counts.current(),
                        counts.failed(),
                        lease.toMillis(),
                        backfill.id(),
                        owner)
                == 1;
    }

    /** Extends the lease; false when this claim no longer holds the backfill. */
    boolean renew(UUID id, UUID owner, Duration lease) {
        return jdbc.update(
                        "update backfill set lease_until = now() + ? * interval '1 millisecond'"
                                + " where id = ? and lease_owner = ? and state = 'RUNNING'",
                        lease.toMillis(),
                        id,
                        owner)
                == 1;
    }

    /** Ends the backfill with its final progress. */
    boolean finish(Backfill backfill, UUID owner, Backfill.State state, @Nullable String reason) {
        Backfill.Counts counts = backfill.counts();
        return jdbc.update(
                        "update backfill set state = ?, failure_reason = ?, finished_at = now(), bulk_status = ?,"
                                + " page_cursor = ?, lines_processed = ?, orders_seen = ?, orders_created = ?,"
                                + " orders_updated = ?, orders_current = ?, orders_failed = ?,"
                                + " lease_owner = null, lease_until = null"
                                + " where id = ? and lease_owner = ? and state = 'RUNNING'",
                        state.name(),
                        reason,
                        backfill.bulkStatus(),
                        backfill.pageCursor(),
                        backfill.linesProcessed(),
                        counts.seen(),
                        counts.created(),
                        counts.updated(),
                        counts.current(),
                        counts.failed(),
                        backfill.id(),
                        owner)
                == 1;
    }

    /** Hands the backfill back, to be taken again (by any instance) after {@code delay}. */
    void release(UUID id, UUID owner, Duration delay) {
        jdbc.update(
                "update backfill set lease_owner = null, lease_until = now() + ? * interval '1 millisecond'"
                        + " where id = ? and lease_owner = ?",
                delay.toMillis(),
                id,
                owner);
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
