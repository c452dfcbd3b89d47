package org.orderbridge.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The claim check for payloads larger than an SQS message: the only database work on the acknowledgement
 * path, and only for those rare deliveries.
 */
@Component
class PayloadStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    PayloadStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID store(String shop, byte[] body) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into webhook_payload (id, shop_domain, body, created_at) values (?, ?, ?, ?)")
                .params(id, shop, body, Timestamp.from(Instant.now(clock)))
                .update();
        return id;
    }

    /**
     * SQS has accepted the message that refers to the payload: from now on it is read and deleted by the listener, or
     * waits in a queue, and retention leaves it alone until the deliveries' retention has passed.
     */
    void markQueued(UUID id) {
        jdbc.sql("update webhook_payload set queued_at = ? where id = ?")
                .params(Timestamp.from(Instant.now(clock)), id)
                .update();
    }

    Optional<byte[]> load(UUID id) {
        return jdbc.sql("select body from webhook_payload where id = ?")
                .param(id)
                .query(byte[].class)
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("delete from webhook_payload where id = ?").param(id).update();
    }

    void deleteShop(String shop) {
        jdbc.sql("delete from webhook_payload where shop_domain = ?")
                .param(shop)
                .update();
    }
}
