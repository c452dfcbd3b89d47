package org.orderbridge.shopify.simulator;

import java.util.List;
import java.util.Map;

/**
 * Orders made and changed in the shop itself (by the merchant, a checkout or another app), each change announced by
 * its webhook as Shopify does: {@code orders/create}, then {@code orders/updated}. The webhooks go through
 * {@link WebhookFaults}, so some may be lost, doubled or reordered.
 */
public final class OrderActivity {

    private final SimulatedStore store;
    private final ShopifySimulator simulator;

    OrderActivity(SimulatedStore store, ShopifySimulator simulator) {
        this.store = store;
        this.simulator = simulator;
    }

    /** Creates the order (as {@code orderCreate} would) and sends its {@code orders/create}. */
    public SimulatedOrder create(String shop, Map<String, Object> input) {
        SimulatedOrder order = store.createOrderInAdmin(shop, input);
        simulator.sendWebhook("orders/create", shop, SimulatedOrderViews.webhookPayload(order, current(order)));
        return order;
    }

    /** Changes the order, which moves its {@code updatedAt}, and sends its {@code orders/updated}. */
    public OrderRevisions.Revision update(
            SimulatedOrder order, String note, List<String> tags, String financialStatus) {
        OrderRevisions.Revision revision = store.revisions().update(order, note, tags, financialStatus);
        simulator.sendWebhook("orders/updated", order.shop(), SimulatedOrderViews.webhookPayload(order, revision));
        return revision;
    }

    /** The order as it is now. */
    public OrderRevisions.Revision current(SimulatedOrder order) {
        return store.revisions().current(order);
    }
}
