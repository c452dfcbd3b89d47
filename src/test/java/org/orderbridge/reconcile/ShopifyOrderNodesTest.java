package org.orderbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orderbridge.order.Address;
import org.orderbridge.order.Customer;
import org.orderbridge.order.LineItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How an Admin GraphQL {@code Order} node becomes the snapshot its webhook would have produced: one test per field. */
@Tag("unit")
class ShopifyOrderNodesTest {

    private static final String SHOP = "recon-alpha.myshopify.com";

    private static ObjectNode node() {
        return ReconcileFixtures.orderNode(4711L, Instant.parse("2026-11-20T10:00:00Z"), "gift");
    }

    @Test
    void shopIsTheShopAsked() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).shopDomain()).isEqualTo(SHOP);
    }

    @Test
    void shopifyOrderIdIsTheLegacyResourceId() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).shopifyOrderId()).isEqualTo(4711L);
    }

    @Test
    void shopifyOrderIdFallsBackToTheGidWithoutLegacyResourceId() {
        ObjectNode node = node();
        node.remove("legacyResourceId");

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).shopifyOrderId()).isEqualTo(4711L);
    }

    @Test
    void shopifyGidIsTheNodeId() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).shopifyGid()).isEqualTo("gid://shopify/Order/4711");
    }

    @Test
    void nameIsTheOrderName() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).name()).isEqualTo("#4711");
    }

    @Test
    void customerTakesEmailAndPhoneFromTheOrderAndNamesFromTheCustomer() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).customer())
                .isEqualTo(new Customer("jon@example.com", "Jon", "Snow", "+4930123456"));
    }

    @Test
    void customerFallsBackToTheCustomersDefaultEmailAndPhone() {
        ObjectNode node = node();
        node.putNull("email");
        node.putNull("phone");

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).customer())
                .isEqualTo(new Customer("jon.customer@example.com", "Jon", "Snow", "+4930999999"));
    }

    @Test
    void noCustomerAndNoEmailIsNoCustomer() {
        ObjectNode node = node();
        node.putNull("email");
        node.putNull("customer");

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).customer()).isNull();
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).shopifyCustomerId()).isNull();
    }

    @Test
    void shopifyCustomerIdIsTheCustomersLegacyResourceId() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).shopifyCustomerId()).isEqualTo(7001L);
    }

    @Test
    void shippingAddressKeepsEveryFieldWithTheTwoLetterCountryCode() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).shippingAddress())
                .isEqualTo(new Address(
                        "Jon",
                        "Snow",
                        "Night's Watch",
                        "Wall 1",
                        "Tower 3",
                        "Berlin",
                        "Berlin",
                        "BE",
                        "10115",
                        "Germany",
                        "DE",
                        "+4930123456"));
    }

    @Test
    void billingAddressIsMappedLikeTheShippingAddress() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).billingAddress())
                .isEqualTo(new Address(
                        "Arya",
                        "Stark",
                        null,
                        "Winterfell 1",
                        null,
                        "Hamburg",
                        null,
                        null,
                        "20095",
                        "Germany",
                        "DE",
                        null));
    }

    @Test
    void missingAddressesAreNull() {
        ObjectNode node = node();
        node.putNull("shippingAddress");
        node.remove("billingAddress");

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).shippingAddress()).isNull();
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).billingAddress()).isNull();
    }

    @Test
    void lineItemsCarryIdSkuVariantTitleQuantityAndOriginalUnitPrice() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).lineItems())
                .containsExactly(
                        new LineItem(47110L, "MUG-1", 42L, "Mug", 2, new BigDecimal("29.90")),
                        new LineItem(47111L, null, null, "Custom engraving", 1, new BigDecimal("0.00")));
    }

    @Test
    void lineItemsAreReadFromEdgesAsABulkOperationSelectsThem() {
        ObjectNode node = node();
        JsonNode nodes = node.path("lineItems").path("nodes");
        ObjectNode edges = ReconcileFixtures.JSON.createObjectNode();
        nodes.forEach(line -> edges.withArray("edges").addObject().set("node", line));
        node.set("lineItems", edges);

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).lineItems())
                .extracting(LineItem::shopifyLineItemId)
                .containsExactly(47110L, 47111L);
    }

    @Test
    void currencyIsTheShopCurrencyCode() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).currency()).isEqualTo("EUR");
    }

    @Test
    void totalPriceIsTheShopMoneyTotal() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).totalPrice()).isEqualByComparingTo("59.80");
    }

    @ParameterizedTest
    @CsvSource({"PAID, paid", "PARTIALLY_REFUNDED, partially_refunded", "PENDING, pending", "VOIDED, voided"})
    void financialStatusIsTheWebhooksLowerCaseSpelling(String graphql, String webhook) {
        ObjectNode node = node();
        node.put("displayFinancialStatus", graphql);

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).financialStatus()).isEqualTo(webhook);
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "FULFILLED, fulfilled",
                "PARTIALLY_FULFILLED, partial",
                "RESTOCKED, restocked",
                "UNFULFILLED, NULL",
                "IN_PROGRESS, NULL",
                "ON_HOLD, NULL"
            },
            nullValues = "NULL")
    void fulfillmentStatusIsTheWebhooksSpellingAndNullWhenNotFulfilled(String graphql, String webhook) {
        ObjectNode node = node();
        node.put("displayFulfillmentStatus", graphql);

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).fulfillmentStatus()).isEqualTo(webhook);
    }

    @Test
    void cancelledAtAndCancelReasonAreReadWhenCancelled() {
        ObjectNode node = node();
        node.put("cancelledAt", "2026-11-20T11:00:00Z");
        node.put("cancelReason", "CUSTOMER");

        var snapshot = ShopifyOrderNodes.snapshot(SHOP, node);

        assertThat(snapshot.cancelledAt()).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
        assertThat(snapshot.cancelReason()).isEqualTo("customer");
    }

    @Test
    void anOpenOrderHasNoCancellation() {
        var snapshot = ShopifyOrderNodes.snapshot(SHOP, node());

        assertThat(snapshot.cancelledAt()).isNull();
        assertThat(snapshot.cancelReason()).isNull();
    }

    @Test
    void noteIsTheOrderNote() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).note()).isEqualTo("gift");
    }

    @Test
    void tagsAreTrimmedAndBlankOnesDropped() {
        ObjectNode node = node();
        node.putArray("tags").add(" wholesale").add("").add("priority ");

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).tags()).containsExactly("wholesale", "priority");
    }

    @Test
    void updatedAtIsTheOrdersUpdateTime() {
        assertThat(ShopifyOrderNodes.snapshot(SHOP, node()).updatedAt())
                .isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void updatedAtWithAnOffsetIsTheSameInstant() {
        ObjectNode node = node();
        node.put("updatedAt", "2026-11-20T11:00:00+01:00");

        assertThat(ShopifyOrderNodes.snapshot(SHOP, node).updatedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void sourceNameAndSourceIdentifierAreKeptForLinkingOurOwnOrders() {
        var snapshot = ShopifyOrderNodes.snapshot(SHOP, node());

        assertThat(snapshot.sourceName()).isEqualTo("orderbridge");
        assertThat(snapshot.sourceIdentifier()).isEqualTo("0193a0c4-7a51-7b3e-9d2c-5f8e1a2b3c4d");
    }

    @Test
    void aNodeWithoutUpdateTimeCurrencyOrIdCannotBeMapped() {
        ObjectNode noUpdate = node();
        noUpdate.remove("updatedAt");
        ObjectNode noCurrency = node();
        noCurrency.remove("currencyCode");
        ObjectNode noId = node();
        noId.remove("legacyResourceId");
        noId.remove("id");

        assertThatThrownBy(() -> ShopifyOrderNodes.snapshot(SHOP, noUpdate))
                .isInstanceOf(UnmappableOrderNodeException.class)
                .hasMessageContaining("updatedAt");
        assertThatThrownBy(() -> ShopifyOrderNodes.snapshot(SHOP, noCurrency))
                .isInstanceOf(UnmappableOrderNodeException.class)
                .hasMessageContaining("currencyCode");
        assertThatThrownBy(() -> ShopifyOrderNodes.snapshot(SHOP, noId))
                .isInstanceOf(UnmappableOrderNodeException.class);
    }

    @Test
    void malformedValuesCannotBeMapped() {
        ObjectNode badPrice = node();
        badPrice.putObject("totalPriceSet").putObject("shopMoney").put("amount", "lots");
        ObjectNode badTime = node();
        badTime.put("cancelledAt", "yesterday");

        assertThatThrownBy(() -> ShopifyOrderNodes.snapshot(SHOP, badPrice))
                .isInstanceOf(UnmappableOrderNodeException.class);
        assertThatThrownBy(() -> ShopifyOrderNodes.snapshot(SHOP, badTime))
                .isInstanceOf(UnmappableOrderNodeException.class);
    }

    @Test
    void aTruncatedLineItemPageIsReported() {
        ObjectNode node = node();

        assertThat(ShopifyOrderNodes.hasMoreLineItems(node)).isFalse();

        ((ObjectNode) node.path("lineItems").path("pageInfo")).put("hasNextPage", true);
        assertThat(ShopifyOrderNodes.hasMoreLineItems(node)).isTrue();
    }
}
