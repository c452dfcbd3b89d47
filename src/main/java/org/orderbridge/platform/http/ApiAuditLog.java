package org.orderbridge.platform.http;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where the audited operations of the API are recorded ({@code api_audit}). */
@Component
class ApiAuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String keyName, String method, String path, int status) {
        jdbc.sql("insert into api_audit (key_name, method, path, status, recorded_at) values (?, ?, ?, ?, ?)")
                .params(keyName, method, path, status, Timestamp.from(clock.instant()))
                .update();
    }

    List<AuditEntry> newest(long before, int limit) {
        return jdbc.sql("""
                        select id, key_name, method, path, status, recorded_at from api_audit
                        where id < ? order by id desc limit ?""")
                .params(before, limit)
                .query((rs, row) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getString("key_name"),
                        rs.getString("method"),
                        rs.getString("path"),
                        rs.getInt("status"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** One operator action: the key's name, the request, and the status it was answered. */
    record AuditEntry(long id, String keyName, String method, String path, int status, Instant recordedAt) {}
}
