package org.orderbridge.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.orderbridge.platform.MessageTracing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of every feature that pushes to Shopify through the relay, the push queue and its retry policy: a request
 * becomes a message that reaches the {@link PushHandler} of its kind.
 */
@Service
public class PushRequests {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MessageTracing tracing;

    PushRequests(JdbcTemplate jdbc, Clock clock, MessageTracing tracing) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * Must run in the transaction that made the push necessary, so that the request commits or rolls back with it. The
     * current trace goes with it: the relay's send and the push are its spans.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(String kind, UUID subjectId) {
        jdbc.update(
                "insert into push_outbox (kind, subject_id, created_at, traceparent) values (?, ?, ?, ?)",
                kind,
                subjectId,
                Timestamp.from(clock.instant()),
                tracing.currentTraceparent());
    }

    /**
     * Drops the requests not yet relayed for subjects that are being erased, in the erasing transaction. A message
     * already on the queue finds its subject gone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(String kind, Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return;
        }
        // Instances of the earlier release, while a deploy rolls, write order pushes into order_id.
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "delete from push_outbox where kind = ? and coalesce(subject_id, order_id) = any(?)");
            statement.setString(1, kind);
            statement.setArray(2, connection.createArrayOf("uuid", subjectIds.toArray()));
            return statement;
        });
    }
}
