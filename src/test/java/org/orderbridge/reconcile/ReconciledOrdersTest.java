package org.orderbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orderbridge.reconcile.ReconcileFixtures.orderNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.order.ForeignShopOrderException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A batch of orders read from Shopify is applied as each would be alone, and all or nothing. */
@OrderBridgeTest
class ReconciledOrdersTest {

    private static final String SHOP = "recon-batch.myshopify.com";
    private static final String OTHER_SHOP = "recon-batch-other.myshopify.com";

    @Autowired
    ReconciledOrders orders;

    @Autowired
    EndToEndFixtures e2e;

    @Test
    void aBatchIsAppliedAsEachOrderWouldBeAlone() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long known = newId();
        long fresh = newId();
        orders.apply(SHOP, orderNode(known, now, "stored"));

        List<ApplyOutcome> outcomes = orders.applyTogether(
                SHOP,
                List.of(
                        orderNode(fresh, now, "new"),
                        orderNode(known, now, "stored"),
                        orderNode(known, now.plusSeconds(5), "edited")));

        assertThat(outcomes).containsExactly(ApplyOutcome.CREATED, ApplyOutcome.CURRENT, ApplyOutcome.UPDATED);
        assertThat(ReconcileFixtures.stored(JdbcClient.create(e2e.jdbc()), SHOP))
                .hasEntrySatisfying(fresh, order -> assertThat(order.note()).isEqualTo("new"))
                .hasEntrySatisfying(known, order -> assertThat(order.note()).isEqualTo("edited"));
    }

    @Test
    void aBatchHoldingAnOrderThatCannotBeAppliedAppliesNone() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long foreign = newId();
        long innocent = newId();
        orders.apply(OTHER_SHOP, orderNode(foreign, now, "the other shop's"));

        assertThatThrownBy(() -> orders.applyTogether(
                        SHOP, List.of(orderNode(innocent, now, "innocent"), orderNode(foreign, now, "claimed"))))
                .isInstanceOf(ForeignShopOrderException.class);

        assertThat(ReconcileFixtures.stored(JdbcClient.create(e2e.jdbc()), SHOP))
                .doesNotContainKeys(innocent, foreign);
        assertThat(orders.apply(SHOP, orderNode(innocent, now, "innocent")))
                .as("alone, the innocent order applies")
                .isEqualTo(ApplyOutcome.CREATED);
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(7_000_000_000L, 8_000_000_000L);
    }
}
