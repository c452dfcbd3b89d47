package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag("unit")
class ShopifyTotalsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ORDER = """
            {"id": "gid://shopify/Order/1", "legacyResourceId": "1", "name": "#1001",
             "subtotalPriceSet": {"shopMoney": {"amount": "34.8"}},
             "totalShippingPriceSet": {"shopMoney": {"amount": "4.90"}},
             "totalTaxSet": {"shopMoney": {"amount": "7.94"}},
             "totalDiscountsSet": {"shopMoney": {"amount": "5.0"}},
             "totalPriceSet": {"shopMoney": {"amount": "%s"}},
             "displayFinancialStatus": "PAID"}
            """;

    @Test
    void readsTheTotalsOfTheCreatedOrder() {
        assertThat(ShopifyTotals.of(order("47.64")))
                .isEqualTo(new ShopifyTotals(
                        new BigDecimal("34.8"),
                        new BigDecimal("4.90"),
                        new BigDecimal("7.94"),
                        new BigDecimal("5.0"),
                        new BigDecimal("47.64"),
                        "PAID"));
    }

    @Test
    void readsNoTotalsFromAnAnswerWithAnAmountMissingOrUnreadable() {
        assertThat(ShopifyTotals.of(order("forty"))).isNull();
        assertThat(ShopifyTotals.of(JSON.readTree("{\"id\": \"gid://shopify/Order/1\"}")))
                .isNull();
    }

    private static JsonNode order(String total) {
        return JSON.readTree(ORDER.formatted(total));
    }
}
