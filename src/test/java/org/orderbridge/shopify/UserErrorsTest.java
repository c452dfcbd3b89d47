package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag("unit")
class UserErrorsTest {

    private static final JsonNode ERRORS = JsonMapper.builder().build().readTree("""
            [{"field":["lineItems","0","quantity"],"message":"must be greater than 0","code":"INVALID"},
             {"field":null,"message":"Variant is sold out"},
             {"field":["key"],"message":"Key is in use","code":"TAKEN"}]
            """);

    @Test
    void describesEveryErrorWithItsFieldPath() {
        assertThat(UserErrors.describe(ERRORS))
                .isEqualTo("lineItems.0.quantity: must be greater than 0; Variant is sold out; key: Key is in use");
    }

    @Test
    void namesTheDraftLineAnErrorPointsAtByItsSkuAndVariant() {
        var lines = List.of(
                new OrderDraft.Line("SKU-RED-M", 44_012_345_678L, null, 2, null, null, null),
                new OrderDraft.Line(null, null, "Gift wrap", 1, BigDecimal.ONE, null, null));
        JsonNode second = JsonMapper.builder().build().readTree("""
                [{"field":["order","lineItems","1","title"],"message":"Title is too long"}]
                """);

        assertThat(UserErrors.describe(ERRORS, lines))
                .isEqualTo("line 1 (SKU SKU-RED-M, variant 44012345678): lineItems.0.quantity: must be greater than 0; "
                        + "Variant is sold out; key: Key is in use");
        assertThat(UserErrors.describe(second, lines)).isEqualTo("line 2: order.lineItems.1.title: Title is too long");
        assertThat(UserErrors.describe(second, List.of())).isEqualTo("order.lineItems.1.title: Title is too long");
    }

    @Test
    void findsAnErrorByItsCode() {
        assertThat(UserErrors.hasCode(ERRORS, "TAKEN")).isTrue();
        assertThat(UserErrors.hasCode(ERRORS, "NOT_FOUND")).isFalse();
    }

    @Test
    void describesNoErrorsAsNothing() {
        JsonNode none = JsonMapper.builder().build().readTree("[]");

        assertThat(UserErrors.describe(none)).isEmpty();
        assertThat(UserErrors.hasCode(none, "TAKEN")).isFalse();
    }
}
