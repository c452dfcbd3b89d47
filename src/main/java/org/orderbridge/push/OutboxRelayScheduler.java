package org.orderbridge.push;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
    // Created by start(): set whenever running is.
    private @Nullable ScheduledExecutorService executor;
    private volatile boolean running;
    private int failures;
    private long backlogRefreshedAt;

    OutboxRelayScheduler(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            SqsAsyncClient sqs,
            QueueUrls queueUrls,
            PushProperties properties,
            PushMetrics metrics) {
        this.relay = new OutboxRelay(jdbc, transactionManager, sqs, queueUrls, properties);
        this.properties = properties.relay();
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        running = true;
        failures = 0;
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outbox-relay").daemon().factory());
        executor.execute(this::pass);
    }

    private void pass() {
        Duration next = properties.pollInterval();
        try {
            int sent = relay.relayBatch();
            if (sent > 0) {
                metrics.relayed(sent);
            }
            if (failures > 0) {
                log.info("Outbox relay recovered after {} failed passes", failures);
            }
            failures = 0;
            if (sent >= properties.batchSize()) {
                next = Duration.ZERO;
            }
        } catch (RuntimeException e) {
            failures++;
            metrics.relayFailed();
            next = backoff();
            // One line per failure at most every few passes: an SQS outage would otherwise flood the log.
            if (failures == 1 || failures % 20 == 0) {
                log.warn(
                        "Outbox relay pass failed ({} in a row), next in {} ms: {}",
                        failures,
                        next.toMillis(),
                        e.toString());
            }
        }
        refreshBacklog();
        schedule(next);
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

    private synchronized void schedule(Duration delay) {
        if (running) {
            Objects.requireNonNull(executor).schedule(this::pass, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = Objects.requireNonNull(executor);
            stopping.shutdown();
        }
        // Outside the lock: the pass in progress needs it to see that it must not schedule another.
        try {
            if (!stopping.awaitTermination(properties.sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
