package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How an order's discounts, shipping, taxes, payments and presentment currency become orderCreate's input. */
@Tag("unit")
class CommercialInputsTest {

    @Test
    void sendsEveryAmountInBothCurrenciesWhenTheBuyerSawAnother() {
        Map<String, Object> order = order(ShopifyFixtures.commercialDraft());

        assertThat(order)
                .containsEntry("presentmentCurrency", "USD")
                .containsEntry("poNumber", "PO-2026-0042")
                .containsEntry("companyLocationId", "gid://shopify/CompanyLocation/1234")
                .containsEntry("processedAt", "2026-11-01T09:30:00Z")
                .containsEntry("test", true)
                .containsEntry("customAttributes", List.of(Map.of("key", "Cost centre", "value", "4711")))
                .doesNotContainKeys("taxesIncluded", "financialStatus", "taxLines");
        Map<String, Object> firstLine = lines(order).getFirst();
        assertThat(firstLine.get("priceSet"))
                .isEqualTo(Map.of(
                        "shopMoney",
                        Map.of("amount", "19.90", "currencyCode", "EUR"),
                        "presentmentMoney",
                        Map.of("amount", "21.54", "currencyCode", "USD")));
        assertThat(firstLine.get("taxLines"))
                .isEqualTo(List.of(Map.of(
                        "title",
                        "VAT",
                        "rate",
                        "0.19",
                        "priceSet",
                        Map.of(
                                "shopMoney",
                                Map.of("amount", "7.56", "currencyCode", "EUR"),
                                "presentmentMoney",
                                Map.of("amount", "8.18", "currencyCode", "USD")))));
        assertThat(lines(order).get(1)).doesNotContainKey("taxLines");
        assertThat(order.get("transactions"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .first()
                .isEqualTo(Map.of(
                        "kind",
                        "AUTHORIZATION",
                        "status",
                        "SUCCESS",
                        "gateway",
                        "manual",
                        "amountSet",
                        Map.of(
                                "shopMoney",
                                Map.of("amount", "53.29", "currencyCode", "EUR"),
                                "presentmentMoney",
                                Map.of("amount", "57.69", "currencyCode", "USD"))));
    }

    @Test
    void sendsTheLinesDiscountsAsOneFixedAmountNamedAfterThem() {
        Map<String, Object> order = order(ShopifyFixtures.commercialDraft());

        assertThat(order.get("discountCode"))
                .isEqualTo(Map.of(
                        "itemFixedDiscountCode",
                        Map.of(
                                "code",
                                "Trade fair",
                                "amountSet",
                                Map.of(
                                        "shopMoney",
                                        Map.of("amount", "4.00", "currencyCode", "EUR"),
                                        "presentmentMoney",
                                        Map.of("amount", "4.33", "currencyCode", "USD")))));
    }

    @Test
    void sendsTheOrdersDiscountCodeAsItsKind() {
        assertThat(order(ShopifyFixtures.discountedDraft("PERCENTAGE", new BigDecimal("12.5")))
                        .get("discountCode"))
                .isEqualTo(Map.of("itemPercentageDiscountCode", Map.of("code", "SPRING", "percentage", 12.5)));
        assertThat(order(ShopifyFixtures.discountedDraft("FIXED_AMOUNT", new BigDecimal("5")))
                        .get("discountCode"))
                .isEqualTo(Map.of(
                        "itemFixedDiscountCode",
                        Map.of(
                                "code",
                                "SPRING",
                                "amountSet",
                                Map.of("shopMoney", Map.of("amount", "5", "currencyCode", "EUR")))));
        Map<String, Object> freeShipping = order(ShopifyFixtures.discountedDraft("FREE_SHIPPING", null));
        assertThat(freeShipping.get("discountCode"))
                .isEqualTo(Map.of("freeShippingDiscountCode", Map.of("code", "SPRING")));
        assertThat(freeShipping)
                .containsEntry("taxesIncluded", true)
                .containsEntry("financialStatus", "PAID")
                .containsKey("taxLines")
                .doesNotContainKeys("presentmentCurrency", "transactions", "shippingLines", "test");
    }

    @Test
    void sendsNothingOfTheTermsForADraftWithoutThem() {
        assertThat(order(ShopifyFixtures.draft()))
                .doesNotContainKeys(
                        "discountCode", "shippingLines", "taxLines", "transactions", "presentmentCurrency", "test");
    }

    @Test
    void refusesAPercentageDiscountWithoutItsValue() {
        assertThatThrownBy(() -> order(ShopifyFixtures.discountedDraft("PERCENTAGE", null)))
                .isInstanceOf(PermanentShopifyFailure.class)
                .hasMessageContaining("has no value");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> order(OrderDraft draft) {
        return (Map<String, Object>)
                OrderCreateVariables.of(draft, InventoryBehaviour.BYPASS).get("order");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("lineItems");
    }
}
