package org.orderbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.platform.MovableClock;
import org.springframework.scheduling.TaskScheduler;

/** From the service's meters, through the sampled history, to the drawn charts. */
@Tag("unit")
class MetricsChartsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final OpsProperties properties =
            new OpsProperties(Duration.ofMinutes(15), 50, Duration.ofSeconds(10), Duration.ofMinutes(1));
    private final MetricsHistory history = new MetricsHistory(properties);
    private final MetricsSampler sampler =
            new MetricsSampler(meters, history, mock(TaskScheduler.class), clock, properties);

    @Test
    void turnsCountersIntoRatesPerMinuteAndKeepsGaugesAsTheyAre() {
        var backlog = new AtomicLong(3);
        Gauge.builder("orderbridge.push.outbox.backlog", backlog, AtomicLong::get)
                .register(meters);
        meters.counter("orderbridge.push.outcome", "outcome", "pushed").increment(5);
        meters.counter("orderbridge.push.outcome", "outcome", "rejected").increment(50);
        sampler.sample();

        clock.advance(Duration.ofSeconds(30));
        meters.counter("orderbridge.push.outcome", "outcome", "pushed").increment(10);
        backlog.set(7);
        sampler.sample();

        var last = history.samples().getLast().values();
        assertThat(last.get("pushes")).isEqualTo(Map.of("pushed", 20.0));
        assertThat(last.get("outbox-backlog")).isEqualTo(Map.of("requests", 7.0));
        assertThat(history.samples().getFirst().values().get("pushes")).isEmpty();
    }

    @Test
    void countsThrottlingAndReconciliationDriftPerShop() {
        sampler.sample();
        clock.advance(Duration.ofMinutes(1));
        meters.counter("orderbridge.shopify.throttled", "shop", "a.myshopify.com", "cause", "throttled")
                .increment(2);
        meters.counter("orderbridge.shopify.throttled", "shop", "a.myshopify.com", "cause", "http_429")
                .increment(1);
        meters.counter("orderbridge.reconciliation.orders", "shop", "b.myshopify.com", "outcome", "created")
                .increment(1);
        meters.counter("orderbridge.reconciliation.orders", "shop", "b.myshopify.com", "outcome", "updated")
                .increment(2);
        meters.counter("orderbridge.reconciliation.orders", "shop", "b.myshopify.com", "outcome", "current")
                .increment(40);
        sampler.sample();

        var last = history.samples().getLast().values();
        assertThat(last.get("throttled")).isEqualTo(Map.of("a.myshopify.com", 3.0));
        assertThat(last.get("drift")).isEqualTo(Map.of("b.myshopify.com", 3.0));
    }

    @Test
    void readsEachShopsBreakerStateFromResilience4jsGauge() {
        for (String state : List.of("closed", "open", "half_open")) {
            breaker("shopify-a.myshopify.com", state, state.equals("open"));
            breaker("shopify-b.myshopify.com", state, state.equals("closed"));
        }
        breaker("some-other-breaker", "open", true);
        sampler.sample();

        assertThat(history.samples().getLast().values().get("breakers"))
                .isEqualTo(Map.of("a.myshopify.com", 2.0, "b.myshopify.com", 0.0));
        ChartView chart = chart("breakers");
        assertThat(chart.lines()).extracting(ChartView.Line::current).containsExactly("open", "closed");
    }

    @Test
    void showsNoDataForAMeterThatDoesNotExistRatherThanZero() {
        sampler.sample();
        clock.advance(Duration.ofSeconds(10));
        sampler.sample();

        assertThat(chart("drift").noData()).isTrue();
        assertThat(chart("webhook-backlog").noData()).isTrue();
    }

    @Test
    void drawsTheWindowLeftToRightScaledToItsLargestValue() {
        var backlog = new AtomicLong(0);
        Gauge.builder("orderbridge.webhooks.backlog", backlog, AtomicLong::get).register(meters);
        sampler.sample();
        clock.advance(Duration.ofSeconds(30));
        backlog.set(4);
        sampler.sample();
        clock.advance(Duration.ofSeconds(30));
        backlog.set(2);
        sampler.sample();

        ChartView chart = chart("webhook-backlog");

        assertThat(chart.max()).isEqualTo("4");
        assertThat(chart.lines()).singleElement().satisfies(line -> {
            assertThat(line.points()).isEqualTo("0.0,78.0 150.0,2.0 300.0,40.0");
            assertThat(line.current()).isEqualTo("2");
        });
    }

    @Test
    void keepsOnlyTheWindowsWorthOfSamples() {
        for (int i = 0; i < 20; i++) {
            sampler.sample();
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(history.samples()).hasSize(6);
    }

    private void breaker(String name, String state, boolean current) {
        Gauge.builder("resilience4j.circuitbreaker.state", () -> current ? 1 : 0)
                .tags("name", name, "state", state)
                .register(meters);
    }

    private ChartView chart(String id) {
        return ChartView.of(history.samples(), clock.instant(), properties.window()).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
