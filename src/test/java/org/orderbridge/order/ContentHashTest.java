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

    /**
     * Pinned: an order accepted before a field was added to the request must still be recognised in a retry of that
     * request, so a new field that is left out must not change the hash.
     */
    @Test
    void hashesARequestWithoutTheLaterFieldsAsBeforeThem() {
        assertThat(ContentHash.of(request("19.90", "note")))
                .isEqualTo("653e9353a8dedc5efce308924bed2b229c3e54b28519261e7471f9045fba585b");
    }

    @Test
    void treatsALineSettingThatSaysItsDefaultAsLeftOut() {
        assertThat(ContentHash.of(request("19.90", "note", true, true)))
                .isEqualTo(ContentHash.of(request("19.90", "note")));
        assertThat(ContentHash.of(request("19.90", "note", false, null)))
                .isNotEqualTo(ContentHash.of(request("19.90", "note")));
        assertThat(ContentHash.of(request("19.90", "note", null, false)))
                .isNotEqualTo(ContentHash.of(request("19.90", "note", false, null)));
    }

    @Test
    void hashesTheCommercialTermsWithAmountsWrittenDifferentlyAsTheSameOrder() {
        String plain = ContentHash.of(request("19.90", "note"));
        String withShipping = ContentHash.of(withShipping("4.90", null));

        assertThat(withShipping).isNotEqualTo(plain);
        assertThat(ContentHash.of(withShipping("4.9", null))).isEqualTo(withShipping);
        assertThat(ContentHash.of(withShipping("4.90", java.time.Instant.parse("2026-01-02T03:04:05Z"))))
                .isNotEqualTo(withShipping);
    }

    private static CreateOrderRequest withShipping(String price, java.time.Instant processedAt) {
        CreateOrderRequest r = request("19.90", "note");
        return new CreateOrderRequest(
                r.externalId(),
                r.shop(),
                r.customer(),
                r.shippingAddress(),
                r.billingAddress(),
                r.lineItems(),
                r.currency(),
                r.note(),
                r.tags(),
                List.of(new CommercialTermsRequests.ShippingLineRequest("Standard", null, price, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                processedAt,
                null);
    }

    private static CreateOrderRequest request(String price, String note) {
        return request(price, note, null, null);
    }

    private static CreateOrderRequest request(String price, String note, Boolean requiresShipping, Boolean taxable) {
        var address = new CreateOrderRequest.AddressRequest(
                "Ada", "Lovelace", null, "1 Analytical Way", null, "London", null, null, "N1 9GU", null, "GB", null);
        return new CreateOrderRequest(
                "ext-1",
                "ob-test.myshopify.com",
                new CreateOrderRequest.CustomerRequest("ada@example.com", "Ada", "Lovelace", null),
                address,
                null,
                List.of(new CreateOrderRequest.LineRequest(
                        "ENGINE-1", null, "Difference engine", 2, price, requiresShipping, taxable)),
                "GBP",
                note,
                List.of());
    }
}
