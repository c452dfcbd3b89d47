package org.orderbridge.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;

/**
 * Runs a dependency check with a deadline, so that a hung database or queue cannot hang the ALB's probe;
 * the check itself goes on in a virtual thread and is abandoned.
 */
public final class TimeLimitedHealthCheck {

    private static final ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor();

    private TimeLimitedHealthCheck() {}

    public static Health run(Duration timeout, Callable<Health> check) {
        Future<Health> result = checks.submit(check);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return Health.down()
                    .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    // The future of a submitted task fails with what the task threw as its cause.
                    .withDetail(
                            "error",
                            Objects.requireNonNull(e.getCause()).getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }
}
