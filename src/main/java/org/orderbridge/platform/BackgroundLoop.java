package org.orderbridge.platform;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Background work that every instance runs on a platform thread of its own, from the application's start to its stop:
 * a pass, then a wait as long as the pass asks for, then the next pass. A lifecycle bean owns the loop and starts it
 * when its feature is switched on. Not {@code @Scheduled}: each pass chooses its own next delay (again at once after a
 * full batch, backing off while a dependency fails, when the next shop is due), and a stop waits, within a bound, for
 * the pass in progress, before the clients and the connection pool it uses are closed. It does not wait for a pass
 * that has not started.
 */
public final class BackgroundLoop {

    private final String name;
    private final Duration stopWait;
    private final Supplier<Duration> work;
    private final Function<RuntimeException, Duration> afterFailure;
    private ScheduledThreadPoolExecutor executor;
    private volatile boolean running;
    private boolean passing;
    private boolean again;
    private long scheduled;

    /**
     * @param name the thread's name
     * @param stopWait how long a stop waits for the pass in progress before interrupting it
     * @param work one pass; returns how long to wait before the next
     * @param afterFailure for a pass that threw: reports the failure as the work needs, and returns how long to wait
     *     before the next pass
     */
    public BackgroundLoop(
            String name,
            Duration stopWait,
            Supplier<Duration> work,
            Function<RuntimeException, Duration> afterFailure) {
        this.name = name;
        this.stopWait = stopWait;
        this.work = work;
        this.afterFailure = afterFailure;
        this.executor = newExecutor();
    }

    /** Starts the loop, its first pass after {@code firstIn}; does nothing while it runs. */
    public synchronized void start(Duration firstIn) {
        if (running) {
            return;
        }
        if (executor.isShutdown()) {
            executor = newExecutor();
        }
        running = true;
        schedule(firstIn);
    }

    /**
     * Runs a pass as soon as the thread is free, in place of the one waiting for its time; while a pass runs, the next
     * follows it at once.
     */
    public synchronized void runNow() {
        if (!running) {
            return;
        }
        if (passing) {
            again = true;
        } else {
            schedule(Duration.ZERO);
        }
    }

    /** Runs {@code task} on the loop's thread every {@code period}, until it is cancelled or the loop stops. */
    public synchronized ScheduledFuture<?> every(Duration period, Runnable task) {
        return executor.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        ScheduledThreadPoolExecutor stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = executor;
            stopping.shutdown();
        }
        // Outside the lock: the pass in progress needs it to see that it must not schedule another.
        try {
            if (!stopping.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.shutdownNow();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private ScheduledThreadPoolExecutor newExecutor() {
        var created = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name(name).daemon().factory());
        // A stop waits for the pass in progress, not for the next pass's timer.
        created.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return created;
    }

    private void schedule(Duration delay) {
        long ticket = ++scheduled;
        executor.schedule(() -> pass(ticket), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pass(long ticket) {
        synchronized (this) {
            // A pass that runNow replaced finds a later one scheduled.
            if (!running || ticket != scheduled) {
                return;
            }
            passing = true;
        }
        Duration next;
        try {
            next = work.get();
        } catch (RuntimeException e) {
            next = afterFailure.apply(e);
        }
        synchronized (this) {
            passing = false;
            if (running) {
                schedule(again ? Duration.ZERO : next);
            }
            again = false;
        }
    }
}
