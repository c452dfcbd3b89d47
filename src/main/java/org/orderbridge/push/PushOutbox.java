package org.orderbridge.push;

import java.sql.Timestamp;
import java.time.Clock;
import org.orderbridge.order.PushRequested;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes a push request into the outbox, in the transaction that made the order pushable. */
@Component
class PushOutbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PushOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A plain (not after-commit) listener: the row must commit or roll back with the order. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PushRequested request) {
        jdbc.update(
                "insert into push_outbox (order_id, created_at) values (?, ?)",
                request.orderId().value(),
                Timestamp.from(clock.instant()));
    }
}
