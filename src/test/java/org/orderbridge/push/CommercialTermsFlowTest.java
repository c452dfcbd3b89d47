package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.SHOP;
import static org.orderbridge.push.PushFixtures.WRITE_KEY;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.orderbridge.shopify.simulator.SimulatedTotals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** An order with shipping, taxes, a discount and a payment, on its way into Shopify and back as Shopify adds it up. */
@OrderBridgeTest
class CommercialTermsFlowTest {

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    MeterRegistry meters;

    @Test
    void pushesAPaidOrderWithShippingTaxAndDiscountThatShopifyAddsUpAsWeDo() {
        String id = accept("paid@example.com");

        JsonNode pushed = e2e.awaitStatus(id, "PUSHED");

        SimulatedOrder inShopify = e2e.shopifyOrdersFor(id).getFirst();
        SimulatedTotals.Amounts totals = inShopify.totals().shop();
        assertThat(totals.subtotal()).isEqualByComparingTo("34.80");
        assertThat(totals.shipping()).isEqualByComparingTo("4.90");
        assertThat(totals.tax()).isEqualByComparingTo("7.94");
        assertThat(totals.discounts()).isEqualByComparingTo("5.00");
        assertThat(totals.total()).isEqualByComparingTo("47.64");
        assertThat(inShopify.totals().financialStatus()).isEqualTo("PAID");
        assertThat(inShopify.input().get("poNumber")).isEqualTo("PO-2026-0042");
        assertThat(new BigDecimal(pushed.get("total").get("amount").asString())).isEqualByComparingTo("47.64");
        assertThat(pushed.get("expectedTotals").get("financialStatus").asString())
                .isEqualTo("PAID");
        assertThat(pushed.has("totalsMismatch")).isFalse();
    }

    @Test
    void recordsAndCountsShopifysDifferentTotalsOnTheOrder() {
        double before = mismatches();
        // A shop that charges no tax on shipping leaves out the 0.98 VAT of the shipping line.
        e2e.shopify().store().setChargesTaxOnShipping(SHOP, false);
        try {
            String id = accept("untaxed-shipping@example.com");

            await().atMost(EndToEndFixtures.WAIT).until(() -> e2e.order(id).hasNonNull("totalsMismatch"));

            JsonNode mismatch = e2e.order(id).get("totalsMismatch");
            assertThat(mismatch.get("expected").get("tax").decimalValue()).isEqualByComparingTo("7.94");
            assertThat(mismatch.get("shopify").get("tax").decimalValue()).isEqualByComparingTo("6.96");
            assertThat(mismatch.get("expected").get("total").decimalValue()).isEqualByComparingTo("47.64");
            assertThat(mismatch.get("shopify").get("total").decimalValue()).isEqualByComparingTo("46.66");
            assertThat(e2e.order(id).get("status").asString()).isEqualTo("PUSHED");
            assertThat(mismatches()).isEqualTo(before + 1);
        } finally {
            e2e.shopify().store().setChargesTaxOnShipping(SHOP, true);
        }
    }

    private String accept(String email) {
        var response = e2e.call(
                HttpMethod.POST,
                "/api/v1/orders",
                WRITE_KEY,
                PushFixtures.orderRequestWithCommercialTerms("ext-" + UUID.randomUUID(), email));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asString();
    }

    private double mismatches() {
        var counter = meters.find("orderbridge.push.totals.mismatch")
                .tag("shop", SHOP)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
