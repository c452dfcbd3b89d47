package org.orderbridge.shopify;

import java.math.BigDecimal;
import java.time.Instant;
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
        List<String> tags,
        Commercial commercial) {

    public OrderDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
        tags = tags == null ? List.of() : List.copyOf(tags);
        commercial = commercial == null ? Commercial.NONE : commercial;
    }

    /** A draft that costs what its lines cost, with nothing paid. */
    public OrderDraft(
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
        this(
                shopDomain,
                orderId,
                email,
                phone,
                firstName,
                lastName,
                shippingAddress,
                billingAddress,
                currency,
                lines,
                note,
                tags,
                Commercial.NONE);
    }

    /**
     * What the order costs beyond its lines' prices and how it was paid, amounts in the draft's currency. Percentages of
     * line discounts are already amounts here: Shopify has no line discount input, so they travel in the order's
     * discount code (see {@code OrderCreateVariables}).
     *
     * @param lines the lines' discounts and taxes, by the lines' positions; empty when none has any
     * @param presentmentRate units of {@code presentmentCurrency} per unit of the draft's currency
     */
    public record Commercial(
            List<LineCharges> lines,
            List<ShippingLine> shippingLines,
            List<TaxLine> taxLines,
            boolean taxesIncluded,
            @Nullable DiscountCode discountCode,
            List<Transaction> transactions,
            @Nullable String financialStatus,
            @Nullable String poNumber,
            @Nullable String presentmentCurrency,
            @Nullable BigDecimal presentmentRate,
            @Nullable String companyLocationId,
            List<Attribute> customAttributes,
            @Nullable Instant processedAt,
            boolean test) {

        public static final Commercial NONE = new Commercial(
                List.of(), List.of(), List.of(), false, null, List.of(), null, null, null, null, null, List.of(), null,
                false);

        public Commercial {
            lines = lines == null ? List.of() : List.copyOf(lines);
            shippingLines = shippingLines == null ? List.of() : List.copyOf(shippingLines);
            taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
            transactions = transactions == null ? List.of() : List.copyOf(transactions);
            customAttributes = customAttributes == null ? List.of() : List.copyOf(customAttributes);
        }
    }

    /** @param discount the amount off the line; null without a discount */
    public record LineCharges(
            @Nullable BigDecimal discount, @Nullable String discountDescription, List<TaxLine> taxLines) {

        public LineCharges {
            taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
        }
    }

    /** @param rate the tax's proportion of the price, 0 to 1 */
    public record TaxLine(String title, BigDecimal rate, BigDecimal price) {}

    public record ShippingLine(String title, @Nullable String code, BigDecimal price, List<TaxLine> taxLines) {

        public ShippingLine {
            taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
        }
    }

    /**
     * @param type FIXED_AMOUNT, PERCENTAGE or FREE_SHIPPING
     * @param value the amount or percentage off; null for free shipping
     */
    public record DiscountCode(
            String code, String type, @Nullable BigDecimal value) {}

    /** Kind and status as Shopify's {@code OrderTransactionKind} and {@code OrderTransactionStatus} name them. */
    public record Transaction(String kind, @Nullable String gateway, BigDecimal amount, String status) {}

    public record Attribute(String key, String value) {}

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
                tags,
                commercial);
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
