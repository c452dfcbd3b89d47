package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class OrderIdTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @Test
    void parsesAUuidInEitherCase() {
        assertThat(OrderId.parse("0f8fad5b-d9cb-469f-a165-70867728950e").value())
                .isEqualTo(ID);
        assertThat(OrderId.parse("0F8FAD5B-D9CB-469F-A165-70867728950E").value())
                .isEqualTo(ID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not-a-uuid",
                "0f8fad5b-d9cb-469f-a165-70867728950",
                "0f8fad5b-d9cb-469f-a165-70867728950e0",
                "1-2-3-4-5",
                "0f8fad5bd9cb469fa16570867728950e",
                " 0f8fad5b-d9cb-469f-a165-70867728950e"
            })
    void refusesAnythingButTheCanonicalFormOfAUuid(String text) {
        assertThatThrownBy(() -> OrderId.parse(text))
                .isInstanceOf(InvalidOrderIdException.class)
                .hasMessageContaining("is not an order id");
    }
}
