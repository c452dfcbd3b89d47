package org.orderbridge.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SimulatedTotalsTest {

    @Test
    void addsUpLinesDiscountShippingAndTaxesAsShopifyDoes() {
        SimulatedTotals totals = SimulatedTotals.of(order(), true);

        assertThat(totals.shop().subtotal()).isEqualByComparingTo("34.80");
        assertThat(totals.shop().shipping()).isEqualByComparingTo("4.90");
        assertThat(totals.shop().tax()).isEqualByComparingTo("7.94");
        assertThat(totals.shop().discounts()).isEqualByComparingTo("5.00");
        assertThat(totals.shop().total()).isEqualByComparingTo("47.64");
        assertThat(totals.financialStatus()).isEqualTo("PAID");
    }

    @Test
    void chargesNoTaxOnShippingInAShopThatDoesNot() {
        SimulatedTotals totals = SimulatedTotals.of(order(), false);

        assertThat(totals.shop().tax()).isEqualByComparingTo("6.96");
        assertThat(totals.shop().total()).isEqualByComparingTo("46.66");
        assertThat(totals.financialStatus()).isEqualTo("PAID");
    }

    @Test
    void addsNoTaxWhenThePricesIncludeItAndComputesATaxWithoutPriceFromItsRate() {
        var input = order();
        input.put("taxesIncluded", true);
        input.put("discountCode", Map.of("itemPercentageDiscountCode", Map.of("code", "TEN", "percentage", 10.0)));
        input.put("shippingLines", List.of());
        input.put(
                "lineItems",
                List.of(Map.of(
                        "quantity",
                        2,
                        "priceSet",
                        shop("19.90"),
                        "taxLines",
                        List.of(Map.of("title", "VAT", "rate", "0.2")))));

        SimulatedTotals totals = SimulatedTotals.of(input, true);

        // 20 % included in 39.80: 39.80 x 0.2 / 1.2 = 6.63; 10 % off 39.80 is 3.98.
        assertThat(totals.shop().tax()).isEqualByComparingTo("6.63");
        assertThat(totals.shop().discounts()).isEqualByComparingTo("3.98");
        assertThat(totals.shop().total()).isEqualByComparingTo("35.82");
        assertThat(totals.financialStatus()).isEqualTo("PAID");
    }

    @Test
    void derivesTheFinancialStatusFromTheTransactionsUnlessGiven() {
        assertThat(status(List.of(transaction("SALE", "20.00", "SUCCESS")))).isEqualTo("PARTIALLY_PAID");
        assertThat(status(List.of(transaction("AUTHORIZATION", "47.64", "SUCCESS"))))
                .isEqualTo("AUTHORIZED");
        assertThat(status(List.of(transaction("SALE", "47.64", "FAILURE")))).isEqualTo("PENDING");
        assertThat(status(List.of())).isEqualTo("PENDING");
        // The input's defaults (kind SALE, status SUCCESS) apply to what a transaction leaves out.
        assertThat(status(List.of(Map.of("amountSet", shop("47.64"))))).isEqualTo("PAID");
        var given = order();
        given.put("financialStatus", "AUTHORIZED");
        assertThat(SimulatedTotals.of(given, true).financialStatus()).isEqualTo("AUTHORIZED");
    }

    @Test
    void addsUpThePresentmentAmountsInThePresentmentCurrency() {
        var input = new HashMap<String, Object>();
        input.put("currency", "EUR");
        input.put("presentmentCurrency", "USD");
        input.put("lineItems", List.of(Map.of("quantity", 2, "priceSet", bag("19.90", "21.54"))));

        SimulatedTotals totals = SimulatedTotals.of(input, true);

        assertThat(totals.presentment().currency()).isEqualTo("USD");
        assertThat(totals.presentment().total()).isEqualByComparingTo("43.08");
        assertThat(totals.shop().total()).isEqualByComparingTo("39.80");
    }

    @Test
    void refusesTaxLinesOnBothTheOrderAndItsLines() {
        var input = order();
        input.put("taxLines", List.of(Map.of("title", "VAT", "rate", "0.2", "priceSet", shop("1.00"))));

        assertThat(SimulatedOrderInputs.refusal(input)).containsEntry("field", List.of("order", "taxLines"));
        assertThat(SimulatedOrderInputs.refusal(order())).isNull();
    }

    private static String status(List<Map<String, Object>> transactions) {
        var input = order();
        input.put("transactions", transactions);
        return SimulatedTotals.of(input, true).financialStatus();
    }

    /** The order of the service's end-to-end test: see PushFixtures.orderRequestWithCommercialTerms. */
    private static Map<String, Object> order() {
        var vat = List.of(Map.of("title", "VAT", "rate", "0.2", "priceSet", shop("6.96")));
        var input = new HashMap<String, Object>();
        input.put("currency", "EUR");
        input.put("lineItems", List.of(Map.of("quantity", 2, "priceSet", shop("19.90"), "taxLines", vat)));
        input.put(
                "shippingLines",
                List.of(Map.of(
                        "title",
                        "Standard",
                        "priceSet",
                        shop("4.90"),
                        "taxLines",
                        List.of(Map.of("title", "VAT", "rate", "0.2", "priceSet", shop("0.98"))))));
        input.put(
                "discountCode", Map.of("itemFixedDiscountCode", Map.of("code", "SPRING5", "amountSet", shop("5.00"))));
        input.put("transactions", List.of(transaction("SALE", "47.64", "SUCCESS")));
        return input;
    }

    private static Map<String, Object> transaction(String kind, String amount, String status) {
        return Map.of("kind", kind, "status", status, "amountSet", shop(amount));
    }

    private static Map<String, Object> shop(String amount) {
        return Map.of("shopMoney", Map.of("amount", amount, "currencyCode", "EUR"));
    }

    private static Map<String, Object> bag(String amount, String presentment) {
        return Map.of(
                "shopMoney",
                Map.of("amount", amount, "currencyCode", "EUR"),
                "presentmentMoney",
                Map.of("amount", presentment, "currencyCode", "USD"));
    }
}
