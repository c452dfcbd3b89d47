package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderbridge.order.Address;
import org.orderbridge.order.Customer;
import org.orderbridge.order.LineItem;
import org.orderbridge.shipment.ShopifyFulfillmentSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How Shopify's REST webhook payloads become snapshots, and which payloads no retry can process. */
@Tag("unit")
class ShopifyPayloadsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String SHOP = WebhookFixtures.SHOP;
    private static final Instant UPDATED_AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void readsEverythingTheOrderKeepsFromAnOrderPayload() {
        var snapshot = ShopifyPayloads.order(SHOP, payload(4711L, "gift"));

        assertThat(snapshot.shopDomain()).isEqualTo(SHOP);
        assertThat(snapshot.shopifyOrderId()).isEqualTo(4711L);
        assertThat(snapshot.shopifyGid()).isEqualTo("gid://shopify/Order/4711");
        assertThat(snapshot.name()).isEqualTo("#4711");
        assertThat(snapshot.customer()).isEqualTo(new Customer("jon@example.com", "Jon", "Snow", "+4930123456"));
        assertThat(snapshot.shopifyCustomerId()).isEqualTo(7001L);
        assertThat(snapshot.shippingAddress())
                .isEqualTo(new Address(
                        "Jon",
                        "Snow",
                        null,
                        "Wall 1",
                        null,
                        "Berlin",
                        null,
                        null,
                        "10115",
                        "Germany",
                        "DE",
                        "+4930123456"));
        assertThat(snapshot.billingAddress().city()).isEqualTo("Berlin");
        assertThat(snapshot.lineItems())
                .containsExactly(new LineItem(1L, "MUG-1", 42L, "Mug", 2, new BigDecimal("29.90")));
        assertThat(snapshot.currency()).isEqualTo("EUR");
        assertThat(snapshot.totalPrice()).isEqualByComparingTo("59.80");
        assertThat(snapshot.financialStatus()).isEqualTo("paid");
        assertThat(snapshot.fulfillmentStatus()).isNull();
        assertThat(snapshot.cancelledAt()).isNull();
        assertThat(snapshot.note()).isEqualTo("gift");
        assertThat(snapshot.tags()).containsExactly("wholesale", "priority");
        assertThat(snapshot.updatedAt()).isEqualTo(UPDATED_AT);
        assertThat(snapshot.sourceName()).isEqualTo("web");
        assertThat(snapshot.sourceIdentifier()).isNull();
    }

    @Test
    void readsIdsSentAsStringsAndTimestampsWithAnOffset() {
        ObjectNode json = payload(4712L, "strings");
        json.put("id", "820982911946154508");
        json.put("updated_at", "2026-11-20T11:00:00+01:00");
        json.put("cancelled_at", "2026-11-20T12:30:00-05:00");

        var snapshot = ShopifyPayloads.order(SHOP, json);

        assertThat(snapshot.shopifyOrderId()).isEqualTo(820982911946154508L);
        assertThat(snapshot.updatedAt()).isEqualTo(UPDATED_AT);
        assertThat(snapshot.cancelledAt()).isEqualTo(Instant.parse("2026-11-20T17:30:00Z"));
    }

    @Test
    void takesTheBuyerFromTheOrderEmailWhenThereIsNoCustomer() {
        ObjectNode json = payload(4713L, "guest");
        json.remove("customer");

        var snapshot = ShopifyPayloads.order(SHOP, json);

        assertThat(snapshot.customer()).isEqualTo(new Customer("jon@example.com", null, null, null));
        assertThat(snapshot.shopifyCustomerId()).isNull();
    }

    @Test
    void readsNoBuyerNoAddressesAndNoTagsWhenTheOrderHasNone() {
        ObjectNode json = payload(4714L, "bare");
        json.remove("customer");
        json.remove("email");
        json.putNull("shipping_address");
        json.remove("billing_address");
        json.put("tags", " , ");

        var snapshot = ShopifyPayloads.order(SHOP, json);

        assertThat(snapshot.customer()).isNull();
        assertThat(snapshot.shippingAddress()).isNull();
        assertThat(snapshot.billingAddress()).isNull();
        assertThat(snapshot.tags()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "id          | null                 | payload has no numeric 'id'",
                "id          | \"12abc\"            | payload has no numeric 'id'",
                "id          | {\"id\":1}           | payload has no numeric 'id'",
                "updated_at  | null                 | payload has no 'updated_at'",
                "updated_at  | \"20 November 2026\" | 'updated_at' is not an ISO-8601 timestamp",
                "cancelled_at| \"yesterday\"        | 'cancelled_at' is not an ISO-8601 timestamp",
                "currency    | null                 | payload has no 'currency'",
                "currency    | \"eur\"              | 'currency' is not an ISO 4217 code",
                "currency    | \"EURO\"             | 'currency' is not an ISO 4217 code",
                "total_price | \"59,80\"            | 'total_price' is not a decimal",
            })
    void refusesOrderPayloadWithoutWhatItReliesOn(String field, String value, String reason) {
        ObjectNode json = payload(4715L, "broken");
        json.set(field.strip(), JSON.readTree(value.strip()));

        assertThatThrownBy(() -> ShopifyPayloads.order(SHOP, json))
                .isInstanceOf(UnprocessableWebhookException.class)
                .hasMessage(reason.strip());
    }

    @Test
    void readsTheProductAndItsVariantsSkusFromAProductPayload() throws Exception {
        JsonNode json = JSON.readTree("""
                {"id": 788032119674292922, "title": "Mug", "variants": [
                  {"id": 642667041472713922, "product_id": 788032119674292922, "sku": "MUG-1"},
                  {"id": "757650484644203962", "sku": null},
                  {"id": 757650484644203963, "sku": ""}]}
                """);

        assertThat(ShopifyPayloads.product(json))
                .isEqualTo(new ShopifyPayloads.ProductChange(
                        788032119674292922L,
                        java.util.List.of(642667041472713922L, 757650484644203962L, 757650484644203963L),
                        java.util.List.of("MUG-1")));
        assertThatThrownBy(() -> ShopifyPayloads.product(JSON.readTree("{\"title\": \"Mug\"}")))
                .isInstanceOf(UnprocessableWebhookException.class);
    }

    @Test
    void refusesLineItemWithAPriceThatIsNotADecimal() {
        ObjectNode json = payload(4716L, "bad price");
        ((ObjectNode) json.path("line_items").get(0)).put("price", "29.90 EUR");

        assertThatThrownBy(() -> ShopifyPayloads.order(SHOP, json))
                .isInstanceOf(UnprocessableWebhookException.class)
                .hasMessage("'price' is not a decimal");
    }

    // Anything but UnprocessableWebhookException is retried by SQS as if the next attempt could succeed.
    @ParameterizedTest
    @ValueSource(strings = {"\"two\"", "true", "99999999999", "{\"value\":2}"})
    void refusesLineItemWithAQuantityThatIsNotANumberOfItems(String quantity) {
        ObjectNode json = payload(4717L, "bad quantity");
        ((ObjectNode) json.path("line_items").get(0)).set("quantity", JSON.readTree(quantity));

        assertThatThrownBy(() -> ShopifyPayloads.order(SHOP, json))
                .isInstanceOf(UnprocessableWebhookException.class)
                .hasMessage("'quantity' of a line item is not a number of items");
    }

    @Test
    void readsFulfillmentWithItsTrackingNumbers() {
        var fulfillment = ShopifyPayloads.fulfillment(SHOP, JSON.readTree("""
                {"id":255858046,"order_id":"450789469","status":"success","shipment_status":"in_transit",
                 "tracking_company":"DHL","tracking_numbers":["JJD000390007", "JJD000390008"],
                 "updated_at":"2026-11-21T09:00:00Z","location_id":905684977}
                """));

        assertThat(fulfillment)
                .isEqualTo(new ShopifyFulfillmentSnapshot(
                        SHOP,
                        255858046L,
                        450789469L,
                        "success",
                        "in_transit",
                        "DHL",
                        java.util.List.of("JJD000390007", "JJD000390008"),
                        Instant.parse("2026-11-21T09:00:00Z"),
                        905684977L));
    }

    @Test
    void refusesFulfillmentThatNamesNoOrder() {
        JsonNode json = JSON.readTree("{\"id\":1,\"status\":\"success\",\"updated_at\":\"2026-11-21T09:00:00Z\"}");

        assertThatThrownBy(() -> ShopifyPayloads.fulfillment(SHOP, json))
                .isInstanceOf(UnprocessableWebhookException.class)
                .hasMessage("payload has no numeric 'order_id'");
    }

    private static ObjectNode payload(long id, String note) {
        return (ObjectNode) JSON.readTree(WebhookFixtures.order(id, UPDATED_AT, note));
    }
}
