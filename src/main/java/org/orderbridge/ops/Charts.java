package org.orderbridge.ops;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The charts of the metrics page, each read from this service's own meters by name. A meter that does not exist (yet)
 * reads as no series at all, which the page shows as "no data" rather than as a flat zero.
 */
final class Charts {

    /**
     * @param perMinute the meters are counters: the chart shows their increase per minute between two samples
     */
    record Chart(String id, String title, String unit, boolean perMinute, Reading reading) {}

    /** Current values by series name (a shop, or the chart's one series). */
    @FunctionalInterface
    interface Reading {
        Map<String, Double> read(MeterRegistry meters);
    }

    static final List<Chart> ALL = List.of(
            new Chart(
                    "webhook-backlog",
                    "Webhook backlog",
                    "messages",
                    false,
                    total("orderbridge.webhooks.backlog", "messages", m -> true)),
            new Chart(
                    "webhook-age",
                    "Oldest webhook",
                    "seconds",
                    false,
                    total("orderbridge.webhooks.oldest.age", "age", m -> true)),
            new Chart(
                    "outbox-backlog",
                    "Push outbox backlog",
                    "requests",
                    false,
                    total("orderbridge.push.outbox.backlog", "requests", m -> true)),
            new Chart(
                    "outbox-age",
                    "Oldest push request",
                    "seconds",
                    false,
                    total("orderbridge.push.outbox.oldest.age", "age", m -> true)),
            new Chart(
                    "pushes",
                    "Pushes",
                    "per minute",
                    true,
                    total(
                            "orderbridge.push.outcome",
                            "pushed",
                            m -> "pushed".equals(m.getId().getTag("outcome")))),
            new Chart(
                    "throttled",
                    "THROTTLED / 429 by shop",
                    "per minute",
                    true,
                    byTag("orderbridge.shopify.throttled", "shop", m -> true)),
            new Chart(
                    "breakers", "Circuit breaker by shop", "0 closed · 1 half-open · 2 open", false, Charts::breakers),
            new Chart(
                    "drift",
                    "Drift found by reconciliation",
                    "orders per minute",
                    true,
                    byTag(
                            "orderbridge.reconciliation.orders",
                            "shop",
                            m -> List.of("created", "updated")
                                    .contains(m.getId().getTag("outcome")))));

    private Charts() {}

    private static Reading total(String name, String series, Predicate<Meter> which) {
        return meters -> {
            var found = meters.find(name).meters().stream().filter(which).toList();
            if (found.isEmpty()) {
                return Map.of();
            }
            return Map.of(series, found.stream().mapToDouble(Charts::value).sum());
        };
    }

    private static Reading byTag(String name, String tag, Predicate<Meter> which) {
        return meters -> {
            var values = new TreeMap<String, Double>();
            meters.find(name).meters().stream()
                    .filter(which)
                    .forEach(m -> values.merge(String.valueOf(m.getId().getTag(tag)), value(m), Double::sum));
            return values;
        };
    }

    /**
     * Resilience4j's state gauge is 1 for the breaker's current state and 0 for the others; the chart plots a level
     * per shop's breaker ({@code shopify-<shop>}).
     */
    private static Map<String, Double> breakers(MeterRegistry meters) {
        var levels = new TreeMap<String, Double>();
        for (Meter meter : meters.find("resilience4j.circuitbreaker.state").meters()) {
            String name = meter.getId().getTag("name");
            if (name == null || !name.startsWith("shopify-") || value(meter) < 1) {
                continue;
            }
            double level = switch (String.valueOf(meter.getId().getTag("state"))) {
                case "open", "forced_open" -> 2;
                case "half_open" -> 1;
                default -> 0;
            };
            levels.put(name.substring("shopify-".length()), level);
        }
        return levels;
    }

    /** Counters, function counters and gauges alike: the meter's first measurement (count or value). */
    private static double value(Meter meter) {
        Iterator<Measurement> measurements = meter.measure().iterator();
        if (!measurements.hasNext()) {
            return 0;
        }
        double value = measurements.next().getValue();
        return Double.isFinite(value) ? value : 0;
    }
}
