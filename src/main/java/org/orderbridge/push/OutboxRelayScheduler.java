package org.orderbridge.push;

import java.time.Duration;
import org.orderbridge.platform.BackgroundLoop;
import org.orderbridge.platform.MessageTracing;
import org.orderbridge.platform.QueueUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Runs the outbox relay on every instance: again at once after a full batch, after the poll interval when
 * the outbox is drained, and with exponential backoff while SQS or the database fails. A lifecycle bean
 * rather than {@code @Scheduled}, so that it can back off, and stops (finishing its pass) before the SQS
 * client and the connection pool are closed.
 */
@Component
class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(5);

    private final OutboxRelay relay;
    private final PushProperties.Relay properties;
    private final PushMetrics metrics;
    private final BackgroundLoop loop;
    private int failures;
    private long backlogRefreshedAt;

    OutboxRelayScheduler(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            SqsAsyncClient sqs,
            QueueUrls queueUrls,
            PushProperties properties,
            PushMetrics metrics,
            MessageTracing tracing) {
        this.relay = new OutboxRelay(jdbc, transactionManager, sqs, queueUrls, properties, tracing);
        this.properties = properties.relay();
        this.metrics = metrics;
        // The pass in progress waits for SQS at most its send timeout.
        this.loop = new BackgroundLoop(
                "outbox-relay", this.properties.sendTimeout().multipliedBy(2), this::pass, this::failed);
    }

    @Override
    public void start() {
        if (properties.enabled() && !loop.isRunning()) {
            failures = 0;
            loop.start(Duration.ZERO);
        }
    }

    private Duration pass() {
        int sent = relay.relayBatch();
        if (sent > 0) {
            metrics.relayed(sent);
        }
        if (failures > 0) {
            log.info("Outbox relay recovered after {} failed passes", failures);
        }
        failures = 0;
        refreshBacklog();
        return sent >= properties.batchSize() ? Duration.ZERO : properties.pollInterval();
    }

    private Duration failed(RuntimeException e) {
        failures++;
        metrics.relayFailed();
        Duration next = backoff();
        // One line per failure at most every few passes: an SQS outage would otherwise flood the log.
        if (failures == 1 || failures % 20 == 0) {
            log.warn(
                    "Outbox relay pass failed ({} in a row), next in {} ms: {}",
                    failures,
                    next.toMillis(),
                    e.toString());
        }
        refreshBacklog();
        return next;
    }

    private Duration backoff() {
        long millis = properties.pollInterval().toMillis() << Math.min(failures, 16);
        return Duration.ofMillis(Math.min(millis, properties.maxBackoff().toMillis()));
    }

    private void refreshBacklog() {
        long now = System.nanoTime();
        if (now - backlogRefreshedAt < BACKLOG_REFRESH.toNanos()) {
            return;
        }
        backlogRefreshedAt = now;
        try {
            metrics.backlog(relay.backlog());
        } catch (RuntimeException e) {
            log.debug("Outbox backlog unknown: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
