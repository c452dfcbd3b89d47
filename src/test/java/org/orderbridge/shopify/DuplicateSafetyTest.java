package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderbridge.shopify.ShopifyFixtures.SHOP;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;

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

    private static void assertCreated(PushOutcome outcome, SimulatedOrder order) {
        assertThat(outcome).isEqualTo(new PushOutcome.Created(order.gid(), order.legacyId(), order.name()));
    }
}
