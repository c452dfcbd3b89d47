package org.orderbridge.reliability;

import static org.orderbridge.reliability.ReliabilityFixtures.pause;
import static org.orderbridge.reliability.ServiceProcess.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Polls readiness like the ALB's health check, faster, and keeps every answer (0: no answer). */
final class ReadinessProbe implements AutoCloseable {

    record Sample(Instant at, int status) {}

    private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReadinessProbe(int port) {
        thread = Thread.ofPlatform().daemon().name("readiness-probe").start(() -> {
            while (running) {
                int status = readiness(port);
                samples.add(new Sample(Instant.now(), status));
                pause(Duration.ofMillis(250));
            }
        });
    }

    boolean wasUnreadyBetween(Instant from, Instant to) {
        return samples.stream().anyMatch(s -> s.status() == 503 && !s.at().isBefore(from) && !s.at().isAfter(to));
    }

    Optional<Instant> firstReadyAfter(Instant instant) {
        return samples.stream()
                .filter(s -> s.status() == 200 && s.at().isAfter(instant))
                .map(Sample::at)
                .min(Comparator.naturalOrder());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10));
    }
}
