package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.shopify.ShopifyFixtures.SHOP;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.ShopifySimulator;

@Tag("unit")
class ShopifyResilienceTest {

    private final ShopifySimulator simulator = ShopifyFixtures.simulator();

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void waitsForThrottleStatusBeforeRetryingThrottledCreate() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));
        orders.createOrder(ShopifyFixtures.draft());
        // Slow refill so Shopify's requested wait (0.5 s) is far above the client's own backoff (at most 200 ms).
        simulator.setCostLimits(1000, 20);
        simulator.setAvailablePoints(SHOP, 0);
        simulator.clearRequests();

        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft());

        assertThat(outcome).isInstanceOf(PushOutcome.Created.class);
        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).extracting(RecordedRequest::outcome).containsExactly(Outcome.THROTTLED, Outcome.OK);
        assertThat(requests.get(0).askedToWait()).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(gap(requests.get(0), requests.get(1)))
                .isGreaterThanOrEqualTo(requests.get(0).askedToWait());
        assertThat(simulator.store().orders(SHOP)).hasSize(2);
    }

    @Test
    void honoursRetryAfterOn429() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));
        simulator.faults().nextFor("orderCreate", 1, Fault.tooManyRequests(Duration.ofMillis(700)));

        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft());

        assertThat(outcome).isInstanceOf(PushOutcome.Created.class);
        List<RecordedRequest> creates = simulator.requests().stream()
                .filter(r -> r.isFor("orderCreate"))
                .toList();
        assertThat(creates).extracting(RecordedRequest::outcome).containsExactly(Outcome.INJECTED_STATUS, Outcome.OK);
        assertThat(gap(creates.get(0), creates.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        // 429 means Shopify did not execute the create, so no look-up is needed before repeating it.
        assertThat(simulator.requests()).noneMatch(r -> r.isFor("orderByIdentifier"));
    }

    @Test
    void holdsEveryPushToTheShopForTheRetryAfterOfA429() throws Exception {
        var retries = RetryRegistry.ofDefaults();
        var retriesScheduled = new AtomicInteger();
        retries.getEventPublisher()
                .onEntryAdded(added ->
                        added.getAddedEntry().getEventPublisher().onRetry(retry -> retriesScheduled.incrementAndGet()));
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator), retries);
        simulator.faults().nextFor("orderCreate", 1, Fault.tooManyRequests(Duration.ofMillis(700)));

        var refused = CompletableFuture.supplyAsync(() -> orders.createOrder(ShopifyFixtures.draft()));
        // The retry is scheduled once the client has read the 429 and its Retry-After: the second push starts
        // after Shopify's refusal is known, as it would on another thread a moment later.
        await().atMost(Duration.ofSeconds(5)).until(() -> retriesScheduled.get() == 1);
        PushOutcome other = orders.createOrder(ShopifyFixtures.draft());

        assertThat(other).isInstanceOf(PushOutcome.Created.class);
        assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(PushOutcome.Created.class);
        List<RecordedRequest> creates = simulator.requests().stream()
                .filter(r -> r.isFor("orderCreate"))
                .toList();
        assertThat(creates)
                .extracting(RecordedRequest::outcome)
                .containsExactly(Outcome.INJECTED_STATUS, Outcome.OK, Outcome.OK);
        assertThat(creates.subList(1, 3))
                .allSatisfy(create ->
                        assertThat(gap(creates.get(0), create)).isGreaterThanOrEqualTo(Duration.ofMillis(700)));
    }

    @Test
    void retriesServerErrorsWithBackoffAndLooksUpBeforeEachRepeatedCreate() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));
        simulator.faults().nextFor("orderCreate", 2, Fault.serverError(503));

        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft());

        assertThat(outcome).isInstanceOf(PushOutcome.Created.class);
        assertThat(simulator.requests())
                .filteredOn(r -> !r.isFor("metafieldDefinition") && !r.isFor("metafieldDefinitionCreate"))
                .extracting(r -> r.rootFields().getFirst() + " " + r.outcome())
                .containsExactly(
                        "orderCreate INJECTED_STATUS",
                        "orderByIdentifier OK",
                        "orderCreate INJECTED_STATUS",
                        "orderByIdentifier OK",
                        "orderCreate OK");
        assertThat(simulator.store().orders(SHOP)).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttemptsWithoutARetryStorm() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));
        simulator.faults().next(1_000, Fault.serverError(502));

        assertThatThrownBy(() -> orders.createOrder(ShopifyFixtures.draft()))
                .isInstanceOf(ShopifyUnavailableException.class)
                .satisfies(e -> assertThat(((ShopifyUnavailableException) e).retryAfterHint())
                        .isPositive());
        assertThat(simulator.requests()).hasSize(ShopifyFixtures.FAST_RETRY.maxAttempts());
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndClosesAgainThroughHalfOpen() {
        var breaker = new ShopifyProperties.CircuitBreaker(50, 2, 2, Duration.ofMillis(400), 1);
        var retry = new ShopifyProperties.Retry(2, Duration.ofMillis(10), Duration.ofMillis(20));
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(
                simulator,
                ShopifyFixtures.TOKEN,
                Duration.ofSeconds(2),
                retry,
                breaker,
                ShopifyFixtures.STANDARD_BUDGET));
        simulator.faults().next(1_000, Fault.serverError(500));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> orders.createOrder(ShopifyFixtures.draft()))
                    .isInstanceOf(ShopifyUnavailableException.class);
        }
        int requestsWhileClosed = simulator.requests().size();

        assertThatThrownBy(() -> orders.createOrder(ShopifyFixtures.draft()))
                .isInstanceOf(ShopifyUnavailableException.class)
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(simulator.requests()).hasSize(requestsWhileClosed);

        simulator.faults().clear();
        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> orders.createOrder(ShopifyFixtures.draft()) instanceof PushOutcome.Created);
        assertThat(orders.createOrder(ShopifyFixtures.draft())).isInstanceOf(PushOutcome.Created.class);
        assertThat(simulator.store().orders(SHOP)).hasSize(2);
    }

    private static Duration gap(RecordedRequest earlier, RecordedRequest later) {
        return Duration.ofNanos(later.receivedAtNanos() - earlier.receivedAtNanos());
    }
}
