package org.orderbridge.shopify;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An order as OrderBridge wants it to exist in one Shopify shop; {@code orderId} is its idempotency key. */
public record OrderDraft(
        String shopDomain,
        UUID orderId,
        String email,
        String phone,
        String firstName,
        String lastName,
        Address shippingAddress,
        Address billingAddress,
        String currency,
        List<Line> lines,
        String note,
        List<String> tags) {

    public OrderDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public record Address(
            String firstName,
            String lastName,
            String company,
            String address1,
            String address2,
            String city,
            String province,
            String provinceCode,
            String zip,
            String country,
            String countryCode,
            String phone) {}

    /** Refers to a catalogue variant when {@code variantId} is set, otherwise describes a custom line by title and price. */
    public record Line(String sku, Long variantId, String title, int quantity, BigDecimal unitPrice) {}
}
