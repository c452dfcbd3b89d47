package org.orderbridge.ops;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The last window of samples, in memory: a ring that drops the oldest sample when full. Per instance, and gone on
 * restart; Prometheus or CloudWatch keep the long history (docs/ops.md).
 */
@Component
class MetricsHistory {

    /** @param values per chart id, per series, the value at that moment (a rate for counter charts) */
    record Sample(Instant at, Map<String, Map<String, Double>> values) {}

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final int capacity;

    MetricsHistory(OpsProperties properties) {
        this.capacity = properties.samples();
    }

    synchronized void add(Sample sample) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(sample);
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }
}
