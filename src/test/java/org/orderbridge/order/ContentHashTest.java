package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ContentHashTest {

    @Test
    void treatsPricesWrittenDifferentlyAsTheSameOrder() {
        assertThat(ContentHash.of(request("19.90", "note"))).isEqualTo(ContentHash.of(request("19.9", "note")));
    }

    @Test
    void tellsOrdersWithDifferentContentApart() {
        assertThat(ContentHash.of(request("19.90", "note"))).isNotEqualTo(ContentHash.of(request("19.91", "note")));
        assertThat(ContentHash.of(request("19.90", "note"))).isNotEqualTo(ContentHash.of(request("19.90", null)));
    }

    private static CreateOrderRequest request(String price, String note) {
        var address = new CreateOrderRequest.AddressRequest(
                "Ada", "Lovelace", null, "1 Analytical Way", null, "London", null, null, "N1 9GU", null, "GB", null);
        return new CreateOrderRequest(
                "ext-1",
                "ob-test.myshopify.com",
                new CreateOrderRequest.CustomerRequest("ada@example.com", "Ada", "Lovelace", null),
                address,
                null,
                List.of(new CreateOrderRequest.LineRequest("ENGINE-1", null, "Difference engine", 2, price)),
                "GBP",
                note,
                List.of());
    }
}
