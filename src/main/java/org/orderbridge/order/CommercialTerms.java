package org.orderbridge.order;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an order accepted from our API costs beyond its lines' prices, and how it was paid: discounts, shipping,
 * taxes, payments and the buyer's currency, with the B2B and bookkeeping details that travel with them. Amounts are in
 * the order's currency.
 *
 * @param lines the lines' own discounts and taxes, by the lines' positions; empty when no line has any
 * @param taxesIncluded whether the lines' and shipping prices include the taxes (the taxes are then not added again)
 * @param financialStatus as the caller states it (one of Shopify's {@code OrderCreateFinancialStatus}); null to have it
 *     follow from the transactions
 */
public record CommercialTerms(
        List<LineTerms> lines,
        List<ShippingLine> shippingLines,
        List<TaxLine> taxLines,
        boolean taxesIncluded,
        @Nullable Discount discount,
        List<Transaction> transactions,
        @Nullable String financialStatus,
        @Nullable String poNumber,
        @Nullable Presentment presentment,
        @Nullable String companyLocationId,
        List<CustomAttribute> customAttributes,
        boolean test) {

    public CommercialTerms {
        lines = lines == null ? List.of() : List.copyOf(lines);
        shippingLines = shippingLines == null ? List.of() : List.copyOf(shippingLines);
        taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
        customAttributes = customAttributes == null ? List.of() : List.copyOf(customAttributes);
    }

    /** An order with none: its lines' prices are all it costs, nothing is paid yet. */
    public static final CommercialTerms NONE = new CommercialTerms(
            List.of(), List.of(), List.of(), false, null, List.of(), null, null, null, null, List.of(), false);

    /** A line's terms, or none when the line has no discount and no tax of its own. */
    public LineTerms line(int index) {
        return index < lines.size() ? lines.get(index) : LineTerms.NONE;
    }

    /** @param discount null when the line has none */
    public record LineTerms(@Nullable LineDiscount discount, List<TaxLine> taxLines) {

        static final LineTerms NONE = new LineTerms(null, List.of());

        public LineTerms {
            taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
        }
    }

    /** An amount off the line, or a percentage of it: exactly one of the two is set. */
    public record LineDiscount(
            @Nullable BigDecimal amount, @Nullable BigDecimal percentage, String description) {}

    /** @param rate the tax's proportion of the price, 0 to 1 */
    public record TaxLine(String title, BigDecimal rate, BigDecimal price) {}

    public record ShippingLine(String title, @Nullable String code, BigDecimal price, List<TaxLine> taxLines) {

        public ShippingLine {
            taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
        }
    }

    /** @param value the amount off or the percentage off; null for free shipping */
    public record Discount(
            String code, DiscountType type, @Nullable BigDecimal value) {}

    public enum DiscountType {
        FIXED_AMOUNT,
        PERCENTAGE,
        FREE_SHIPPING
    }

    /** Kinds and statuses are those of Shopify's {@code OrderTransactionKind} and {@code OrderTransactionStatus}. */
    public record Transaction(String kind, @Nullable String gateway, BigDecimal amount, String status) {

        boolean succeeded() {
            return "SUCCESS".equals(status);
        }
    }

    /** @param rate units of {@code currency} per unit of the order's currency */
    public record Presentment(String currency, BigDecimal rate) {}

    public record CustomAttribute(String name, String value) {}
}
