package org.orderbridge.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease kept in a row of a module's own table, in two of its columns: who holds it and until when. It is taken,
 * renewed and given back only by conditional updates, so the database decides who holds a row whatever the instances
 * remember. Nothing is held between statements (no lock, no connection, no transaction across a Shopify call), so the
 * lease of a holder that died simply runs out; and the holder's writes name it, so one that outlived its lease and was
 * taken over changes nothing. Times are the database's ({@code clock_timestamp()}): the instances' clocks do not
 * matter.
 *
 * <p>The module keeps its table and its statements: each statement begun here carries the lease's part (the row's
 * key, the holder, the expiry), and the module adds its own columns, conditions and parameters.
 */
public final class RowLease {

    private static final String NOW = "clock_timestamp()";

    private final JdbcClient jdbc;
    private final String table;
    private final String key;
    private final String holder;
    private final String until;

    /**
     * @param key the column that names the row
     * @param holder the column that names who holds the lease (null when nobody does)
     * @param until the column that holds when the lease runs out
     */
    public RowLease(JdbcClient jdbc, String table, String key, String holder, String until) {
        this.jdbc = jdbc;
        this.table = table;
        this.key = key;
        this.holder = holder;
        this.until = until;
    }

    /** Takes the lease of the row {@code id} when nobody holds an unexpired one. */
    public Statement take(Object id, Object by, Duration lease) {
        return new Statement(null)
                .set(holder + " = :leaseHolder", expiry())
                .where(key + " = :leaseKey", free())
                .param("leaseKey", id)
                .param("leaseHolder", by)
                .param("leaseMillis", lease.toMillis());
    }

    /**
     * Takes the lease of the first row, by {@code order}, that nobody holds and that the statement's conditions select.
     * A row that another instance is taking at this moment is skipped rather than waited for ({@code SKIP LOCKED}), so
     * instances looking at once take different rows.
     */
    public Statement takeFirst(Object by, Duration lease, String order) {
        return new Statement(order)
                .set(holder + " = :leaseHolder", expiry())
                .where(free())
                .param("leaseHolder", by)
                .param("leaseMillis", lease.toMillis());
    }

    /** Extends the lease by {@code lease} from now, only while {@code by} holds it. */
    public Statement renew(Object id, Object by, Duration lease) {
        return held(id, by).set(expiry()).param("leaseMillis", lease.toMillis());
    }

    /** Writes only while {@code by} holds the lease and it has not run out; the statement's {@code set} says what. */
    public Statement whileHeld(Object id, Object by) {
        return held(id, by).where(until + " > " + NOW);
    }

    /** Gives the lease back, to be taken at once; does nothing when somebody else took it since. */
    public Statement release(Object id, Object by) {
        return held(id, by).set(holder + " = null", until + " = null");
    }

    /** Gives the lease back, to be taken again (by any instance) no sooner than {@code after} from now. */
    public Statement release(Object id, Object by, Duration after) {
        return held(id, by).set(holder + " = null", expiry()).param("leaseMillis", after.toMillis());
    }

    /** How long the lease of row {@code id} still runs; zero when nobody holds it. */
    public Duration remaining(Object id) {
        return jdbc.sql("select coalesce(greatest(0, extract(epoch from " + until + " - " + NOW + ") * 1000), 0)"
                        + " from " + table + " where " + key + " = :leaseKey")
                .param("leaseKey", id)
                .query(Double.class)
                .optional()
                .map(millis -> Duration.ofMillis(millis.longValue()))
                .orElse(Duration.ZERO);
    }

    private Statement held(Object id, Object by) {
        return new Statement(null)
                .where(key + " = :leaseKey", holder + " = :leaseHolder")
                .param("leaseKey", id)
                .param("leaseHolder", by);
    }

    private String expiry() {
        return until + " = " + NOW + " + :leaseMillis * interval '1 millisecond'";
    }

    private String free() {
        return "(" + until + " is null or " + until + " < " + NOW + ")";
    }

    /** One update of the lease's table: the lease's part, and what the module adds to it. */
    public final class Statement {

        private final @Nullable String firstBy;
        private final List<String> assignments = new ArrayList<>();
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, @Nullable Object> params = new HashMap<>();
        private String returning = "";

        private Statement(@Nullable String firstBy) {
            this.firstBy = firstBy;
        }

        public Statement set(String... more) {
            assignments.addAll(List.of(more));
            return this;
        }

        /** Conditions on the row, joined with {@code and}; for {@link #takeFirst}, on the rows it chooses from. */
        public Statement where(String... more) {
            conditions.addAll(List.of(more));
            return this;
        }

        public Statement returning(String columns) {
            returning = " returning " + columns;
            return this;
        }

        public Statement param(String name, @Nullable Object value) {
            params.put(name, value);
            return this;
        }

        public int update() {
            return statement().update();
        }

        public <T> JdbcClient.MappedQuerySpec<T> query(RowMapper<T> rows) {
            return statement().query(rows);
        }

        private JdbcClient.StatementSpec statement() {
            String rows = String.join(" and ", conditions);
            if (firstBy != null) {
                rows = key + " = (select " + key + " from " + table + " where " + rows + " order by " + firstBy
                        + " limit 1 for update skip locked)";
            }
            return jdbc.sql("update " + table + " set " + String.join(", ", assignments) + " where " + rows + returning)
                    .params(params);
        }
    }
}
