package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orderbridge.shopify.ShopifyFixtures.SHOP;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.ShopifySimulator;

/**
 * A push must end before its queue message becomes visible again: no wait Shopify asks for is sat out beyond
 * {@code retry.max-server-wait}, and no call outlives the time budget its caller gives it.
 */
@Tag("unit")
class ShopifyCallLimitsTest {

    private static final Duration MAX_SERVER_WAIT = Duration.ofMillis(500);
    private static final ShopifyProperties.Retry CAPPED_RETRY =
            new ShopifyProperties.Retry(4, Duration.ofMillis(20), Duration.ofMillis(200), MAX_SERVER_WAIT);

    private final ShopifySimulator simulator = ShopifyFixtures.simulator();

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void endsTheCallAtOnceWhenRetryAfterExceedsTheLongestWait() {
        ShopifyOrders orders = client(Duration.ofSeconds(2), CAPPED_RETRY);
        simulator.faults().nextFor("orderCreate", 1, Fault.tooManyRequests(Duration.ofSeconds(30)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> orders.createOrder(ShopifyFixtures.draft()))
                .isInstanceOfSatisfying(
                        ShopifyUnavailableException.class,
                        e -> assertThat(e.retryAfterHint()).isEqualTo(Duration.ofSeconds(30)))
                .hasMessageContaining("longer than");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(elapsed).isLessThan(MAX_SERVER_WAIT);
        assertThat(simulator.requests()).filteredOn(r -> r.isFor("orderCreate")).hasSize(1);
        // The shop stays held for Shopify's 30 s; a push meanwhile ends at once instead of sleeping through it.
        long otherStarted = System.nanoTime();
        assertThatThrownBy(() -> orders.createOrder(ShopifyFixtures.draft()))
                .isInstanceOf(ShopifyUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - otherStarted)).isLessThan(MAX_SERVER_WAIT);
        assertThat(simulator.requests()).filteredOn(r -> r.isFor("orderCreate")).hasSize(1);
        assertThat(simulator.store().orders(SHOP)).isEmpty();
    }

    @Test
    void endsTheCallAtOnceWhenAThrottledWaitExceedsTheLongestWait() {
        ShopifyOrders orders = client(Duration.ofSeconds(2), CAPPED_RETRY);
        orders.createOrder(ShopifyFixtures.draft());
        // 1 point per second: the 10 points of a create are 10 s away, far beyond the 0.5 s a push may wait.
        simulator.setCostLimits(1000, 1);
        simulator.setAvailablePoints(SHOP, 0);
        simulator.clearRequests();

        long started = System.nanoTime();
        assertThatThrownBy(() -> orders.createOrder(ShopifyFixtures.draft()))
                .isInstanceOfSatisfying(
                        ShopifyUnavailableException.class,
                        e -> assertThat(e.retryAfterHint()).isGreaterThan(Duration.ofSeconds(5)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(MAX_SERVER_WAIT);
        assertThat(simulator.count(Outcome.THROTTLED)).isEqualTo(1);

        // The client's mirror of the bucket now knows the restore rate: the next push does not even ask.
        assertThatThrownBy(() -> orders.createOrder(ShopifyFixtures.draft()))
                .isInstanceOf(ShopifyUnavailableException.class)
                .hasMessageContaining("budget");
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    void sitsOutAServerWaitWithinTheLongestWait() {
        ShopifyOrders orders = client(Duration.ofSeconds(2), CAPPED_RETRY);
        simulator.faults().nextFor("orderCreate", 1, Fault.tooManyRequests(Duration.ofMillis(300)));

        assertThat(orders.createOrder(ShopifyFixtures.draft())).isInstanceOf(PushOutcome.Created.class);
        assertThat(simulator.store().orders(SHOP)).hasSize(1);
    }

    @Test
    void staysWithinItsTimeBudgetWhileShopifyKeepsFailing() {
        // Many attempts with long backoffs: only the budget can end this call in time.
        var patientRetry = new ShopifyProperties.Retry(
                50, Duration.ofMillis(400), Duration.ofSeconds(2), ShopifyProperties.Retry.DEFAULT_MAX_SERVER_WAIT);
        ShopifyOrders orders = client(Duration.ofMillis(500), patientRetry);
        simulator.faults().next(1_000, Fault.serverError(503));
        Duration budget = Duration.ofMillis(2_500);

        long started = System.nanoTime();
        assertThatThrownBy(() ->
                        orders.createOrder(ShopifyFixtures.draft(), new CreateOrderOptions(budget, false, () -> {})))
                .isInstanceOf(ShopifyUnavailableException.class);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(elapsed).isLessThanOrEqualTo(budget.plusMillis(150));
        assertThat(simulator.requests()).hasSizeGreaterThan(1).hasSizeLessThan(50);
    }

    @Test
    void startsNoRequestThatCouldOutliveTheBudget() {
        // A request may take connect (1 s) + read (2 s) timeout; 1 s of budget cannot hold one.
        ShopifyOrders orders = client(Duration.ofSeconds(2), CAPPED_RETRY);

        assertThatThrownBy(() -> orders.createOrder(
                        ShopifyFixtures.draft(), new CreateOrderOptions(Duration.ofSeconds(1), false, () -> {})))
                .isInstanceOf(ShopifyUnavailableException.class)
                .hasMessageContaining("time budget");
        assertThat(simulator.requests()).isEmpty();
    }

    private ShopifyOrders client(Duration readTimeout, ShopifyProperties.Retry retry) {
        return ShopifyFixtures.client(ShopifyFixtures.properties(
                simulator,
                ShopifyFixtures.TOKEN,
                readTimeout,
                retry,
                ShopifyFixtures.LENIENT_BREAKER,
                ShopifyFixtures.STANDARD_BUDGET));
    }
}
