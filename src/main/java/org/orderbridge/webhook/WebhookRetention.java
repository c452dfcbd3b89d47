package org.orderbridge.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes webhook bookkeeping that nothing needs any more: deliveries older than the retention, claim-checked payloads
 * whose message SQS never accepted, and queued payloads never read within the retention. Runs on every instance at
 * once without coordination: each batch locks the rows it deletes with {@code FOR UPDATE SKIP LOCKED}, so instances
 * take disjoint batches, and each batch is its own short transaction.
 */
@Component
class WebhookRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebhookRetentionProperties properties;
    private final MeterRegistry meters;

    WebhookRetention(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock,
            WebhookRetentionProperties properties,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // A batch holds its rows' locks only while it deletes them.
        this.transactions.setTimeout(30);
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(
                    new FixedDelayTask(this::runQuietly, properties.interval(), properties.interval()));
        }
    }

    record Purged(long deliveries, long orphanedPayloads, long expiredPayloads) {}

    /** Deletes until nothing is left to delete. */
    Purged purge() {
        Instant now = clock.instant();
        Timestamp deliveriesBefore = Timestamp.from(now.minus(properties.deliveries()));
        Timestamp orphansBefore = Timestamp.from(now.minus(properties.orphanedPayloads()));
        long deliveries = deleteAll("deliveries", """
                delete from webhook_delivery where webhook_id in (
                    select webhook_id from webhook_delivery where processed_at < :before
                    limit :limit for update skip locked)""", deliveriesBefore);
        long orphans = deleteAll("orphaned_payloads", """
                delete from webhook_payload where id in (
                    select id from webhook_payload where queued_at is null and created_at < :before
                    limit :limit for update skip locked)""", orphansBefore);
        long expired = deleteAll("expired_payloads", """
                delete from webhook_payload where id in (
                    select id from webhook_payload where created_at < :before
                    limit :limit for update skip locked)""", deliveriesBefore);
        return new Purged(deliveries, orphans, expired);
    }

    private long deleteAll(String what, String sql, Timestamp before) {
        long total = 0;
        int deleted;
        do {
            deleted = transactions.execute(status -> jdbc.sql(sql)
                    .param("before", before)
                    .param("limit", properties.batchSize())
                    .update());
            total += deleted;
        } while (deleted == properties.batchSize());
        if (total > 0) {
            meters.counter("orderbridge.webhook.retention.deleted", "what", what)
                    .increment(total);
        }
        return total;
    }

    private void runQuietly() {
        try {
            Purged purged = purge();
            if (purged.deliveries() + purged.orphanedPayloads() + purged.expiredPayloads() > 0) {
                log.info(
                        "Retention deleted {} webhook deliveries older than {}, {} orphaned and {} expired payloads",
                        purged.deliveries(),
                        properties.deliveries(),
                        purged.orphanedPayloads(),
                        purged.expiredPayloads());
            }
        } catch (RuntimeException e) {
            // The rows stay until the next run; the database being away is no reason to stop the schedule.
            log.warn("Webhook retention run failed, next in {}: {}", properties.interval(), e.toString());
        }
    }
}
