package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Which order a webhook about what is left to ship concerns: by its id, or by the fulfillment orders it names. */
@Tag("unit")
class FulfillmentChangePayloadsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void findsEveryFulfillmentOrderAMovedPayloadNames() {
        var gids = ShopifyPayloads.fulfillmentOrderGids(json("""
                {"original_fulfillment_order": {"id": "gid://shopify/FulfillmentOrder/1", "status": "closed"},
                 "moved_fulfillment_order": {"id": "gid://shopify/FulfillmentOrder/2", "status": "open"},
                 "destination_location_id": 905684977,
                 "fulfillment_order_line_items_requested": [{"id": "gid://shopify/FulfillmentOrderLineItem/7"}],
                 "source_location": {"id": "gid://shopify/Location/1"}}"""));

        assertThat(gids).containsExactly("gid://shopify/FulfillmentOrder/1", "gid://shopify/FulfillmentOrder/2");
    }

    @Test
    void findsTheFulfillmentOrdersOfMergesSplitsAndCancellationsNumericIdsIncluded() {
        assertThat(ShopifyPayloads.fulfillmentOrderGids(json("""
                        {"fulfillment_order_merges": [
                            {"fulfillment_order": {"id": "gid://shopify/FulfillmentOrder/3", "status": "open"}},
                            {"fulfillment_order": {"id": 4, "status": "closed"}}]}""")))
                .containsExactly("gid://shopify/FulfillmentOrder/3", "gid://shopify/FulfillmentOrder/4");
        assertThat(ShopifyPayloads.fulfillmentOrderGids(json("""
                        {"fulfillment_order": {"id": "gid://shopify/FulfillmentOrder/5", "status": "cancelled"},
                         "replacement_fulfillment_order": null}"""))).containsExactly("gid://shopify/FulfillmentOrder/5");
    }

    @Test
    void refusesAFulfillmentOrderPayloadThatNamesNone() {
        assertThatThrownBy(() -> ShopifyPayloads.fulfillmentOrderGids(json("{\"fulfillment_order\": {}}")))
                .isInstanceOf(UnprocessableWebhookException.class)
                .hasMessageContaining("no fulfillment order");
    }

    @Test
    void readsTheEditedOrderFromItsOrderEditAndRefusesAnEditWithoutOne() {
        assertThat(ShopifyPayloads.editedOrderId(json("""
                        {"order_edit": {"id": 78, "order_id": 450789469, "line_items": {"removals": []}}}"""))).isEqualTo(450789469L);
        assertThatThrownBy(() -> ShopifyPayloads.editedOrderId(json("{\"id\": 450789469}")))
                .isInstanceOf(UnprocessableWebhookException.class);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
