package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orderbridge.shopify.ShopifyFixtures.SHOP;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;

@Tag("unit")
class DuplicateSafetyTest {

    private final ShopifySimulator simulator = ShopifyFixtures.simulator();

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void lostResponseOfACommittedCreateYieldsExactlyOneOrder() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));
        simulator.faults().nextFor("orderCreate", 1, Fault.dropAfterCommit());

        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft());

        assertThat(simulator.count(Outcome.INJECTED_DROP_AFTER_COMMIT)).isEqualTo(1);
        assertThat(simulator.store().orders(SHOP)).singleElement().satisfies(order -> assertCreated(outcome, order));
        assertThat(simulator.requests()).filteredOn(r -> r.isFor("orderCreate")).hasSize(1);
    }

    @Test
    void connectionResetBeforeExecutionYieldsExactlyOneOrder() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));
        simulator.faults().nextFor("orderCreate", 1, Fault.reset());

        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft());

        assertThat(simulator.count(Outcome.INJECTED_RESET)).isEqualTo(1);
        assertThat(simulator.store().orders(SHOP)).singleElement().satisfies(order -> assertCreated(outcome, order));
        assertThat(simulator.requests())
                .filteredOn(r -> r.isFor("orderByIdentifier"))
                .hasSize(1);
    }

    @Test
    void readTimeoutAfterTheCreateWasSentYieldsExactlyOneOrder() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(
                simulator,
                ShopifyFixtures.TOKEN,
                Duration.ofMillis(400),
                ShopifyFixtures.FAST_RETRY,
                ShopifyFixtures.LENIENT_BREAKER,
                ShopifyFixtures.STANDARD_BUDGET));
        simulator.faults().nextFor("orderCreate", 1, Fault.delay(Duration.ofMillis(1_500)));

        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft());

        assertThat(simulator.store().orders(SHOP)).singleElement().satisfies(order -> assertCreated(outcome, order));
        assertThat(simulator.requests()).filteredOn(r -> r.isFor("orderCreate")).hasSize(1);
    }

    @Test
    void pushingTheSameDraftAgainAfterALostResponseReturnsTheSameOrder() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));
        OrderDraft draft = ShopifyFixtures.draft();
        simulator.faults().nextFor("orderCreate", 1, Fault.dropAfterCommit());
        PushOutcome first = orders.createOrder(draft);

        PushOutcome again = orders.createOrder(draft);

        assertThat(again).isEqualTo(first);
        assertThat(simulator.store().orders(SHOP)).hasSize(1);
    }

    @Test
    void aCallToldOfAnEarlierCreateLooksTheOrderUpBeforeCreatingIt() {
        OrderDraft draft = ShopifyFixtures.draft();
        simulator.faults().nextFor("orderCreate", 1, Fault.dropAfterCommit());
        var giveUpAfterOneAttempt = new ShopifyProperties.Retry(1, Duration.ofMillis(20), Duration.ofMillis(200));
        ShopifyOrders crashed = ShopifyFixtures.client(ShopifyFixtures.properties(
                simulator,
                ShopifyFixtures.TOKEN,
                Duration.ofSeconds(2),
                giveUpAfterOneAttempt,
                ShopifyFixtures.LENIENT_BREAKER,
                ShopifyFixtures.STANDARD_BUDGET));
        assertThatThrownBy(() -> crashed.createOrder(draft)).isInstanceOf(ShopifyUnavailableException.class);
        // Shopify's own guard is off, so only the look-up can keep a second order out.
        simulator.store().setUniqueValuesEnforced(false);
        // Another process: nothing in memory but what the caller recorded.
        ShopifyOrders other = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));

        PushOutcome outcome = other.createOrder(draft, new CreateOrderOptions(Duration.ofSeconds(30), true, () -> {}));

        assertThat(simulator.store().orders(SHOP)).singleElement().satisfies(order -> assertCreated(outcome, order));
        assertThat(simulator.requests())
                .filteredOn(r -> r.isFor("orderCreate", draft.orderId().toString()))
                .hasSize(1);
    }

    @Test
    void runsTheCallersStepBeforeEveryCreateAndSendsNothingWhenItThrows() {
        ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));
        OrderDraft draft = ShopifyFixtures.draft();
        simulator.faults().nextFor("orderCreate", 1, Fault.serverError(503));
        var steps = new AtomicInteger();

        PushOutcome outcome = orders.createOrder(
                draft, new CreateOrderOptions(Duration.ofSeconds(30), false, steps::incrementAndGet));

        assertThat(outcome).isInstanceOf(PushOutcome.Created.class);
        assertThat(steps).hasValue(2);
        assertThat(simulator.requests()).filteredOn(r -> r.isFor("orderCreate")).hasSize(2);

        var refused = new IllegalStateException("lease lost");
        simulator.clearRequests();
        assertThatThrownBy(() -> orders.createOrder(
                        ShopifyFixtures.draft(), new CreateOrderOptions(Duration.ofSeconds(30), false, () -> {
                            throw refused;
                        })))
                .isSameAs(refused);
        assertThat(simulator.requests()).noneMatch(r -> r.isFor("orderCreate"));
    }

    private static void assertCreated(PushOutcome outcome, SimulatedOrder order) {
        assertThat(outcome)
                .isEqualTo(new PushOutcome.Created(
                        order.gid(), order.legacyId(), order.name(), ShopifyFixtures.totals(order)));
    }
}
