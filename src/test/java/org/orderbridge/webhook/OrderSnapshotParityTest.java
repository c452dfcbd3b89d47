package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.reconcile.ReconcileFixtures;
import org.orderbridge.reconcile.ShopifyOrderNodes;
import org.orderbridge.shopify.simulator.OrderRevisions;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.orderbridge.shopify.simulator.SimulatedOrderViews;
import org.orderbridge.shopify.simulator.SimulatedStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** An order read through Admin GraphQL becomes the very snapshot that its webhook would have produced. */
@Tag("unit")
class OrderSnapshotParityTest {

    private static final String SHOP = "parity.myshopify.com";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void theGraphqlNodeAndTheWebhookOfAnOrderMapToEqualSnapshots() {
        var store = new SimulatedStore();
        SimulatedOrder order = store.createOrderInAdmin(SHOP, ReconcileFixtures.simulatorInput(7, 3));

        assertSameSnapshot(order, store.revisions().current(order));
    }

    @Test
    void theyStayEqualAfterTheOrderChanged() {
        var store = new SimulatedStore();
        SimulatedOrder order = store.createOrderInAdmin(SHOP, ReconcileFixtures.simulatorInput(8, 2));

        assertSameSnapshot(
                order, store.revisions().update(order, "changed", List.of("vip", "late"), "partially_refunded"));
    }

    private static void assertSameSnapshot(SimulatedOrder order, OrderRevisions.Revision revision) {
        JsonNode webhook = JSON.valueToTree(SimulatedOrderViews.webhookPayload(order, revision));
        var node = new LinkedHashMap<>(SimulatedOrderViews.node(order, revision));
        node.put("lineItems", SimulatedOrderViews.lineItems(order, null));
        JsonNode graphql = JSON.valueToTree(node);

        assertThat(ShopifyOrderNodes.snapshot(SHOP, graphql)).isEqualTo(ShopifyPayloads.order(SHOP, webhook));
    }
}
