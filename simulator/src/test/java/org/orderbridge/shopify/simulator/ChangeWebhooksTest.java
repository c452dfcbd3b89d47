package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What Shopify's webhooks say when items of an order move, are refunded or are edited away. */
@Tag("unit")
class ChangeWebhooksTest {

    private static final String SHOP = "change-test.myshopify.com";
    private static final String NORTH = "gid://shopify/Location/2";

    private final ShopifySimulator simulator =
            ShopifySimulator.builder().port(0).shop(SHOP, "shpat_change").start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aMoveNamesTheOriginalAndTheMovedFulfillmentOrderAndBothLocations() {
        SimulatedOrder order = order(2);
        String original = simulator
                .store()
                .fulfillments()
                .fulfillmentOrderViews(order)
                .getFirst()
                .gid();

        Map<String, Object> moved = simulator.store().fulfillments().assign(order, 0, 1, NORTH);

        assertThat(moved.get("original_fulfillment_order"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", original)
                .containsEntry("status", "open");
        assertThat(moved.get("moved_fulfillment_order"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("assigned_location_id", 2L);
        assertThat(moved.get("source_location")).isEqualTo(Map.of("id", SimulatedFulfillments.DEFAULT_LOCATION));
        assertThat(moved.get("destination_location_id")).isEqualTo(2L);
    }

    @Test
    void aRefundAndAnEditNameTheOrderAndTheLineTheyTookItemsFrom() {
        SimulatedOrder order = order(3);
        long lineItemId = order.legacyId() * 10 + 1;

        Map<String, Object> refund = ChangeWebhooks.refund(order, 0, 1);
        Map<String, Object> edit = ChangeWebhooks.orderEdited(order, 0, 1);

        assertThat(refund).containsEntry("order_id", order.legacyId());
        assertThat(refund.get("refund_line_items"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("line_item_id", lineItemId)
                .containsEntry("restock_type", "cancel");
        @SuppressWarnings("unchecked")
        var orderEdit = (Map<String, Object>) edit.get("order_edit");
        assertThat(orderEdit).containsEntry("order_id", order.legacyId());
        assertThat(orderEdit.get("line_items"))
                .isEqualTo(Map.of("additions", List.of(), "removals", List.of(Map.of("id", lineItemId, "delta", 1))));
    }

    private SimulatedOrder order(int quantity) {
        return simulator
                .store()
                .createOrderInAdmin(
                        SHOP,
                        Map.of(
                                "currency",
                                "EUR",
                                "lineItems",
                                List.of(Map.of("sku", "SKU-0", "title", "Item", "quantity", quantity))));
    }
}
