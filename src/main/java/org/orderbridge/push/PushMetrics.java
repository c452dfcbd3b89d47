package org.orderbridge.push;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

@Component
class PushMetrics {

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    PushMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("orderbridge.push.outbox.backlog", backlog, AtomicLong::get)
                .description("Push requests in the outbox, not yet on the push queue")
                .register(registry);
        Gauge.builder("orderbridge.push.outbox.oldest.age", oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest push request in the outbox")
                .baseUnit("seconds")
                .register(registry);
    }

    void backlog(OutboxRelay.Backlog current) {
        backlog.set(current.rows());
        oldestAgeMillis.set((long) (current.oldestAgeSeconds() * 1000));
    }

    void relayed(int count) {
        registry.counter("orderbridge.push.outbox.relayed").increment(count);
    }

    void relayFailed() {
        registry.counter("orderbridge.push.outbox.relay_failures").increment();
    }
}
