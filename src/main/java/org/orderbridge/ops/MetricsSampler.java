package org.orderbridge.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Samples the charts' meters every {@code orderbridge.ops.sample-interval} into the history. */
@Component
class MetricsSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsSampler.class);

    private final MeterRegistry meters;
    private final MetricsHistory history;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Duration interval;
    /** Counter totals at the previous sample, per chart and series, to turn them into rates. */
    private final Map<String, Map<String, Double>> previousTotals = new HashMap<>();

    private @Nullable Instant previousAt;
    private @Nullable ScheduledFuture<?> task;

    MetricsSampler(
            MeterRegistry meters,
            MetricsHistory history,
            TaskScheduler scheduler,
            Clock clock,
            OpsProperties properties) {
        this.meters = meters;
        this.history = history;
        this.scheduler = scheduler;
        this.clock = clock;
        this.interval = properties.sampleInterval();
    }

    synchronized void sample() {
        Instant now = clock.instant();
        var values = new LinkedHashMap<String, Map<String, Double>>();
        for (Charts.Chart chart : Charts.ALL) {
            Map<String, Double> read;
            try {
                // Sorted, so that each series keeps its place, hence its colour, from one drawing to the next.
                read = Collections.unmodifiableSortedMap(
                        new TreeMap<>(chart.reading().read(meters)));
            } catch (RuntimeException e) {
                // A gauge whose source fails must not cost the other charts their sample.
                log.debug("Chart {} not sampled: {}", chart.id(), e.toString());
                continue;
            }
            values.put(chart.id(), chart.perMinute() ? perMinute(chart.id(), read, now) : read);
        }
        previousAt = now;
        history.add(new MetricsHistory.Sample(now, values));
    }

    private Map<String, Double> perMinute(String chart, Map<String, Double> totals, Instant now) {
        Map<String, Double> before = previousTotals.put(chart, totals);
        if (before == null || previousAt == null) {
            return Map.of();
        }
        double minutes = Math.max(1, Duration.between(previousAt, now).toMillis()) / 60_000.0;
        var rates = new LinkedHashMap<String, Double>();
        // A series new since the last sample started from zero within the interval.
        totals.forEach((series, total) ->
                rates.put(series, Math.max(0, total - before.getOrDefault(series, 0.0)) / minutes));
        return rates;
    }

    @Override
    public synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleAtFixedRate(this::sample, interval);
        }
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return task != null;
    }
}
