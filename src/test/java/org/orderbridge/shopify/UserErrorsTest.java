package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

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
