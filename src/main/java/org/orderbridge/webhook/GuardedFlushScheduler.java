package org.orderbridge.webhook;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer of the SDK's send batches. The batch manager flushes each queue's partial batch from a fixed-rate task,
 * and a {@code ScheduledExecutorService} cancels a fixed-rate task for good the first time a run throws: that queue's
 * deliveries would then wait until ten of them filled a batch, and every acknowledgement in between would time out.
 * One run does throw in the SDK (2.57): {@code BatchingMap.put} schedules the flush inside the
 * {@code computeIfAbsent} that creates the queue's buffer, so on a busy, cold JVM the first run can come before the
 * buffer is in the map and dereference nothing. Every run is therefore guarded: what it threw is logged, and the next
 * run, one send window later, flushes as usual.
 */
final class GuardedFlushScheduler extends ScheduledThreadPoolExecutor {

    private static final Logger log = LoggerFactory.getLogger(GuardedFlushScheduler.class);

    GuardedFlushScheduler(ThreadFactory threads) {
        super(1, threads);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return super.scheduleAtFixedRate(guarded(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return super.scheduleWithFixedDelay(guarded(command), initialDelay, delay, unit);
    }

    private static Runnable guarded(Runnable command) {
        return () -> {
            try {
                command.run();
            } catch (RuntimeException e) {
                log.warn("A scheduled flush of SQS send batches failed; the next one runs as usual", e);
            }
        };
    }
}
