package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.orderbridge.shopify.OrderDraft;
import org.orderbridge.shopify.PushOutcome;
import org.orderbridge.shopify.ShopifyOrders;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.Faults;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The real {@link ShopifyOrders} client, wired by the application's own configuration, pushes a batch of orders
 * through twenty seconds of THROTTLED, 429, 5xx, resets, timeouts and commits whose answer is lost, then through the
 * recovery. Workers treat the client like the push listener treats it behind SQS: a
 * {@link ShopifyUnavailableException} puts the order back for redelivery after the client's hint. Its Spring
 * context is its own (an {@link ApplicationContextRunner} with the Shopify package's configuration), so it needs
 * neither the shared test context nor the embedded servers.
 */
@Tag("reliability")
class ShopifyStormIT {

    private static final String SHOP = "storm.myshopify.com";
    private static final String TOKEN = "shpat_storm";
    private static final int ORDERS = 100;
    private static final int WORKERS = 6;
    private static final int ATTEMPTS = 3;
    private static final Duration LATENCY = Duration.ofMillis(30);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration OPEN_WAIT = Duration.ofMillis(1500);
    // The service was pushing before Shopify got into trouble: its first, cold requests are not the storm's.
    private static final Duration CALM = Duration.ofSeconds(3);
    private static final Duration STORM = Duration.ofSeconds(20);
    // Orders keep arriving a little beyond the storm, so the breaker has to close again to push the last ones.
    private static final Duration ARRIVALS = Duration.ofSeconds(26);
    private static final Duration RETRY_AFTER = Duration.ofMillis(800);
    // A request the client sent before it read a refusal may still arrive after it: one round trip plus scheduling.
    private static final Duration IN_FLIGHT = LATENCY.plus(Duration.ofMillis(120));
    // Once the client has read a Retry-After, no worker starts a request before it ends; each of the other workers may
    // already be past the budget with one, which a loaded machine can delay beyond IN_FLIGHT. A client that ignored
    // Retry-After would send dozens in its 800 ms, one round trip of 30 ms after another.
    private static final int ALREADY_STARTED = WORKERS - 1;
    private static final Duration GUST_INTERVAL = Duration.ofMillis(200);
    private static final int OUTAGE_EVERY_GUSTS = 40;
    private static final int OUTAGE_FAULTS = 40;

    private final ShopifySimulator simulator = ShopifySimulator.builder()
            .port(0)
            .shop(SHOP, TOKEN)
            .latency(LATENCY)
            .start();
    private final ExecutorService threads = Executors.newFixedThreadPool(WORKERS + 1);

    @AfterEach
    void stopEverything() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        simulator.close();
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyOrderLandsInShopifyExactlyOnceAfterAStormWithoutARetryStorm() {
        new ApplicationContextRunner()
                .withUserConfiguration(ShopifyClientWiring.class)
                .withPropertyValues(
                        "orderbridge.shopify.admin-url=" + simulator.adminUrlTemplate(),
                        "orderbridge.shopify.access-tokens=" + SHOP + "=" + TOKEN,
                        // The storm is about the create: its lines go as custom items, not through a SKU search.
                        "orderbridge.shopify.sku-lines.custom-items-allowed=true",
                        "orderbridge.shopify.connect-timeout=1s",
                        "orderbridge.shopify.read-timeout=" + READ_TIMEOUT.toMillis() + "ms",
                        "orderbridge.shopify.retry.max-attempts=" + ATTEMPTS,
                        "orderbridge.shopify.retry.base-interval=50ms",
                        "orderbridge.shopify.retry.max-interval=200ms",
                        "orderbridge.shopify.circuit-breaker.sliding-window-size=10",
                        "orderbridge.shopify.circuit-breaker.minimum-number-of-calls=5",
                        "orderbridge.shopify.circuit-breaker.failure-rate-threshold=50",
                        "orderbridge.shopify.circuit-breaker.wait-in-open-state=" + OPEN_WAIT.toMillis() + "ms",
                        "orderbridge.shopify.circuit-breaker.permitted-calls-in-half-open-state=2")
                .run(context ->
                        storm(context.getBean(ShopifyOrders.class), context.getBean(CircuitBreakerRegistry.class)));
    }

    private void storm(ShopifyOrders client, CircuitBreakerRegistry breakers) throws Exception {
        var transitions = Collections.synchronizedList(new ArrayList<Transition>());
        // The client creates its breaker on first use; creating it here would give it the registry's defaults.
        breakers.getEventPublisher()
                .onEntryAdded(added -> added.getAddedEntry()
                        .getEventPublisher()
                        .onStateTransition(
                                e -> transitions.add(new Transition(System.nanoTime(), e.getStateTransition()))));

        long start = System.nanoTime();
        var pending = new DelayQueue<Delivery>();
        List<OrderDraft> drafts = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            OrderDraft draft = draft(i);
            drafts.add(draft);
            pending.add(new Delivery(draft, start + ARRIVALS.toNanos() * i / ORDERS));
        }
        var created = new ConcurrentHashMap<UUID, PushOutcome.Created>();
        var rejected = new ConcurrentHashMap<UUID, String>();
        var unavailable = new AtomicInteger();
        var notPermitted = new AtomicInteger();
        for (int w = 0; w < WORKERS; w++) {
            threads.submit(() -> work(client, pending, created, rejected, unavailable, notPermitted));
        }
        Gusts gusts = new Gusts(simulator);
        threads.submit(() -> gusts.blow(start + CALM.toNanos(), start + CALM.toNanos() + STORM.toNanos()));

        await("all orders pushed within 120 s")
                .atMost(Duration.ofSeconds(120))
                .until(() -> created.size() + rejected.size() >= ORDERS);
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdownNow();

        List<RecordedRequest> requests = simulator.requests();
        Map<Outcome, Long> byOutcome = requests.stream()
                .collect(Collectors.groupingBy(
                        RecordedRequest::outcome, () -> new java.util.EnumMap<>(Outcome.class), Collectors.counting()));
        long faulted = requests.stream().filter(r -> r.outcome() != Outcome.OK).count();
        List<SimulatedOrder> stored = simulator.store().orders(SHOP);
        CircuitBreaker breaker = breakers.circuitBreaker("shopify-" + SHOP);
        List<Long> requestsWhileOpen = requestsPerOpenInterval(transitions, requests);
        List<List<String>> earlyAfterRefusal = requestsWithinAskedWait(requests, Outcome.INJECTED_STATUS);

        var figures = new LinkedHashMap<String, Object>();
        figures.put("orders", ORDERS);
        figures.put("seconds", Math.round(seconds * 10) / 10.0);
        figures.put("calmSeconds", CALM.toSeconds());
        figures.put("stormSeconds", STORM.toSeconds());
        figures.put("requests", requests.size());
        figures.put("requestsPerOrder", Math.round(100.0 * requests.size() / ORDERS) / 100.0);
        figures.put("faulted", faulted);
        figures.put("byOutcome", byOutcome);
        figures.put("gusts", gusts.count);
        figures.put("faultsQueued", gusts.queued);
        figures.put("outages", gusts.outages);
        figures.put("drains", gusts.drains);
        figures.put("clientGaveUp", unavailable.get());
        figures.put("turnedAwayByOpenBreaker", notPermitted.get());
        figures.put(
                "breakerTransitions",
                transitions.stream().map(t -> t.transition().name()).toList());
        figures.put("breakerOpenSeconds", Math.round(openNanos(transitions) / 1e8) / 10.0);
        figures.put("requestsPerOpenInterval", requestsWhileOpen);
        ReliabilityFixtures.record("shopify-storm", figures);

        assertThat(rejected)
                .as("no order may be refused for good by a transient storm")
                .isEmpty();
        assertThat(stored)
                .extracting(SimulatedOrder::sourceIdentifier)
                .as("each order exactly once in Shopify")
                .containsExactlyInAnyOrderElementsOf(
                        drafts.stream().map(d -> d.orderId().toString()).toList());
        assertThat(stored)
                .allSatisfy(order -> assertThat(created.get(UUID.fromString(order.sourceIdentifier()))
                                .shopifyGid())
                        .as("the id the client reported is the stored order's")
                        .isEqualTo(order.gid()));
        assertThat(byOutcome)
                .as("the storm really hit every kind of failure")
                .containsKeys(
                        Outcome.THROTTLED,
                        Outcome.INJECTED_STATUS,
                        Outcome.INJECTED_RESET,
                        Outcome.INJECTED_DELAY,
                        Outcome.INJECTED_DROP_AFTER_COMMIT);

        assertThat(transitions)
                .extracting(Transition::transition)
                .as("breaker opened")
                .contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN);
        assertThat(transitions.getLast().transition())
                .as("breaker closed again")
                .isEqualTo(CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(notPermitted.get()).as("the open breaker turned calls away").isPositive();
        // Only calls already running when it opened may still reach Shopify: each worker's one call, every attempt
        // a look-up and a create.
        assertThat(requestsWhileOpen)
                .as("requests reaching Shopify per open interval")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(WORKERS * ATTEMPTS * 2L));

        // Each order costs one create; a fault justifies itself plus at most a look-up and a refused repeat create.
        assertThat((long) requests.size())
                .as("requests against orders and faults: no retry storm")
                .isLessThanOrEqualTo(ORDERS + 3 * faulted + 2);
        // A drained bucket: the requests in flight are throttled, then every thread waits for the budget to refill.
        assertThat(byOutcome.getOrDefault(Outcome.THROTTLED, 0L))
                .as("THROTTLED answers per drain")
                .isLessThanOrEqualTo((long) WORKERS * gusts.drains);
        assertThat(earlyAfterRefusal)
                .as("requests within the Retry-After of a 429 for the shop, per refusal: at most those already started")
                .isNotEmpty()
                .allSatisfy(early -> assertThat(early).hasSizeLessThanOrEqualTo(ALREADY_STARTED));
    }

    private static void work(
            ShopifyOrders client,
            DelayQueue<Delivery> pending,
            Map<UUID, PushOutcome.Created> created,
            Map<UUID, String> rejected,
            AtomicInteger unavailable,
            AtomicInteger notPermitted) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Delivery delivery = pending.take();
                OrderDraft draft = delivery.draft();
                try {
                    switch (client.createOrder(draft)) {
                        case PushOutcome.Created c -> created.put(draft.orderId(), c);
                        case PushOutcome.Rejected r -> rejected.put(draft.orderId(), r.reason());
                        case PushOutcome.OutOfStock o -> rejected.put(draft.orderId(), o.reason());
                        case PushOutcome.UnresolvedSku u -> rejected.put(draft.orderId(), u.reason());
                    }
                } catch (ShopifyUnavailableException e) {
                    unavailable.incrementAndGet();
                    if (e.getCause() instanceof CallNotPermittedException) {
                        notPermitted.incrementAndGet();
                    }
                    pending.add(new Delivery(
                            draft, System.nanoTime() + e.retryAfterHint().toNanos()));
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How many requests reached Shopify while the breaker was open (from each CLOSED/HALF_OPEN→OPEN to the next
     * transition), counting from {@link #IN_FLIGHT} after it opened.
     */
    private static List<Long> requestsPerOpenInterval(List<Transition> transitions, List<RecordedRequest> requests) {
        var counts = new ArrayList<Long>();
        for (int i = 0; i < transitions.size(); i++) {
            if (transitions.get(i).transition().getToState() != CircuitBreaker.State.OPEN) {
                continue;
            }
            long from = transitions.get(i).atNanos() + IN_FLIGHT.toNanos();
            long to = i + 1 < transitions.size() ? transitions.get(i + 1).atNanos() : Long.MAX_VALUE;
            counts.add(requests.stream()
                    .filter(r -> r.receivedAtNanos() > from && r.receivedAtNanos() < to)
                    .count());
        }
        return counts;
    }

    private static long openNanos(List<Transition> transitions) {
        long open = 0;
        for (int i = 0; i + 1 < transitions.size(); i++) {
            if (transitions.get(i).transition().getToState() == CircuitBreaker.State.OPEN) {
                open += transitions.get(i + 1).atNanos() - transitions.get(i).atNanos();
            }
        }
        return open;
    }

    /** Requests for the shop that arrived after a refusal's answer could have been read but before its asked wait. */
    /** Per refusal that asked for a wait, the requests that arrived within it after the in-flight allowance. */
    private static List<List<String>> requestsWithinAskedWait(List<RecordedRequest> requests, Outcome refusal) {
        var early = new ArrayList<List<String>>();
        for (RecordedRequest refused : requests) {
            if (refused.outcome() != refusal || refused.askedToWait().isZero()) {
                continue;
            }
            long from = refused.receivedAtNanos() + IN_FLIGHT.toNanos();
            long to = refused.receivedAtNanos() + refused.askedToWait().toNanos();
            early.add(requests.stream()
                    .filter(r ->
                            r.shop().equals(refused.shop()) && r.receivedAtNanos() > from && r.receivedAtNanos() < to)
                    .map(r -> r.rootFields() + " " + (r.receivedAtNanos() - refused.receivedAtNanos()) / 1_000_000
                            + " ms after a " + refused.askedToWait().toMillis() + " ms Retry-After, "
                            + (r.receivedAtNanos() - requests.getFirst().receivedAtNanos()) / 1_000_000
                            + " ms into the run")
                    .toList());
        }
        return early;
    }

    private static OrderDraft draft(int i) {
        var address = new OrderDraft.Address(
                "Storm", "Customer " + i, null, "Sturmweg " + (i + 1), null, "Hamburg", null, "20095", "DE", null);
        return new OrderDraft(
                SHOP,
                UUID.randomUUID(),
                "storm" + i + "@example.com",
                null,
                "Storm",
                "Customer " + i,
                address,
                address,
                "EUR",
                List.of(new OrderDraft.Line(
                        "SKU-" + i, null, "Storm item " + i, 1 + i % 3, new BigDecimal("12.50"), null, null)),
                null,
                List.of("storm"));
    }

    /**
     * Queues one kind of trouble at a time, in rotation, at most every {@link #GUST_INTERVAL}, and every
     * {@link #OUTAGE_EVERY_GUSTS} gusts an outage long enough to fail more than a window's worth of calls. Faults not
     * yet consumed when the storm ends are dropped.
     */
    private static final class Gusts {
        private final ShopifySimulator simulator;
        private final Faults faults;
        private final List<Consumer<Gusts>> rotation = List.of(
                g -> g.drain(),
                g -> g.queue(null, 2, Fault.tooManyRequests(RETRY_AFTER)),
                g -> g.queue(null, 2, Fault.serverError(503)),
                g -> g.queue(null, 2, Fault.reset()),
                g -> g.queue("orderCreate", 1, Fault.delay(READ_TIMEOUT.plusMillis(500))),
                g -> g.queue("orderCreate", 2, Fault.dropAfterCommit()),
                g -> g.queue(null, 1, Fault.serverError(502)),
                g -> g.queue(null, 1, Fault.serverError(500)));
        // Written by the storm's thread only, read by the test's.
        private volatile int count;
        private volatile int outages;
        private volatile int drains;
        private volatile int queued;

        Gusts(ShopifySimulator simulator) {
            this.simulator = simulator;
            this.faults = simulator.faults().forShop(SHOP);
        }

        void blow(long startNanos, long endNanos) {
            try {
                TimeUnit.NANOSECONDS.sleep(startNanos - System.nanoTime());
                while (System.nanoTime() < endNanos) {
                    // Faults wait for requests; piled up behind an open breaker they would turn the storm into one
                    // long outage, so a gust only blows once the earlier ones have hit.
                    if (queued - injectedSoFar() <= 2) {
                        count++;
                        if (count % OUTAGE_EVERY_GUSTS == OUTAGE_EVERY_GUSTS / 2) {
                            outages++;
                            queue(null, OUTAGE_FAULTS, Fault.serverError(503));
                        } else {
                            rotation.get(count % rotation.size()).accept(this);
                        }
                    }
                    Thread.sleep(GUST_INTERVAL);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                faults.clear();
            }
        }

        private void queue(String rootField, int n, Fault fault) {
            queued += n;
            faults.nextFor(rootField, n, fault);
        }

        private long injectedSoFar() {
            return simulator.requests().stream()
                    .filter(r -> r.outcome().name().startsWith("INJECTED_"))
                    .count();
        }

        /**
         * Another app spends the shop's bucket, faster than it refills, until a request of ours is throttled (at
         * most 3 s: while the breaker is open, none may come).
         */
        private void drain() {
            drains++;
            long throttled = simulator.count(Outcome.THROTTLED);
            try {
                for (int i = 0; i < 60 && simulator.count(Outcome.THROTTLED) == throttled; i++) {
                    simulator.setAvailablePoints(SHOP, 0);
                    Thread.sleep(50);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Delivery(OrderDraft draft, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Delivery) other).dueNanos);
        }
    }

    private record Transition(long atNanos, CircuitBreaker.StateTransition transition) {}

    /** The application's Shopify configuration, with a registry the test can watch. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = ShopifyOrders.class)
    static class ShopifyClientWiring {
        @Bean
        CircuitBreakerRegistry circuitBreakerRegistry() {
            return CircuitBreakerRegistry.ofDefaults();
        }
    }
}
