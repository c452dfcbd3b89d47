package org.orderbridge.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a push of another kind than an order create into the outbox, for features that push to Shopify through the same
 * relay, queue and retry policy; the queue's message is {@code {"kind":"...","id":"..."}} and reaches the
 * {@link PushHandler} of that kind.
 */
@Service
public class PushRequests {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PushRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Must run in the transaction that made the push necessary, so that the request commits or rolls back with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(String kind, UUID subjectId) {
        if (PushMessages.ORDER_KIND.equals(kind)) {
            throw new IllegalArgumentException("order pushes are requested through PushRequested");
        }
        jdbc.update(
                "insert into push_outbox (kind, subject_id, created_at) values (?, ?, ?)",
                kind,
                subjectId,
                Timestamp.from(clock.instant()));
    }
}
