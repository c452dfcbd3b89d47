package org.orderbridge.shopify;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as OrderBridge wants it to exist in one Shopify shop; {@code orderId} is its idempotency key. */
public record OrderDraft(
        String shopDomain,
        UUID orderId,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable Address shippingAddress,
        @Nullable Address billingAddress,
        String currency,
        List<Line> lines,
        @Nullable String note,
        List<String> tags) {

    public OrderDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The same order with other lines, e.g. its SKUs resolved to the shop's variants. */
    public OrderDraft withLines(List<Line> resolved) {
        return new OrderDraft(
                shopDomain,
                orderId,
                email,
                phone,
                firstName,
                lastName,
                shippingAddress,
                billingAddress,
                currency,
                resolved,
                note,
                tags);
    }

    /**
     * A postal address as Shopify takes it: the country and the province by their codes, which Shopify names itself
     * (the names are deprecated input).
     */
    public record Address(
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String company,
            @Nullable String address1,
            @Nullable String address2,
            @Nullable String city,
            @Nullable String provinceCode,
            @Nullable String zip,
            @Nullable String countryCode,
            @Nullable String phone) {}

    /**
     * Refers to a catalogue variant when {@code variantId} is set, otherwise describes a custom line by title and price.
     *
     * @param requiresShipping a custom line's: whether it is shipped, true when null (Shopify's own default, false,
     *     would leave it out of what the merchant ships). A variant's line takes the variant's setting, so it is not sent.
     * @param taxable a custom line's: whether it is taxed, true when null; likewise not sent for a variant's line
     */
    public record Line(
            @Nullable String sku,
            @Nullable Long variantId,
            @Nullable String title,
            int quantity,
            @Nullable BigDecimal unitPrice,
            @Nullable Boolean requiresShipping,
            @Nullable Boolean taxable) {

        /** The line as one of the shop's variants, which brings its own shipping and tax settings. */
        public Line withVariantId(long id) {
            return new Line(sku, id, title, quantity, unitPrice, null, null);
        }
    }
}
