package org.orderbridge.push;

import java.sql.Timestamp;
import java.time.Clock;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.OrdersErased;
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

    /** A shop's orders are erased: their push requests go with them, in the same transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrdersErased erased) {
        if (erased.orderIds().isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("delete from push_outbox where order_id = any(?)");
            statement.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid",
                            erased.orderIds().stream().map(OrderId::value).toArray()));
            return statement;
        });
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
