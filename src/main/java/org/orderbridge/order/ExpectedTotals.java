package org.orderbridge.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an order accepted from our API adds up to, the one place that says so: the order's total, the amounts sent to
 * Shopify for its percentage discounts, and what Shopify's totals of the created order are compared with.
 *
 * <p>Amounts are rounded half up to the currency's minor unit where a percentage makes them. The financial status
 * follows Shopify's reading of the transactions (a stated one wins): successful sales and captures covering the total
 * make it PAID, less PARTIALLY_PAID; a successful authorization without capture AUTHORIZED (VOIDED once voided);
 * successful refunds REFUNDED or PARTIALLY_REFUNDED; nothing successful PENDING.
 *
 * @param lineDiscounts each line's discount as an amount, by the lines' positions (zero for a line without one)
 * @param orderDiscount the order discount's amount off the lines (zero without one, or for free shipping)
 */
public record ExpectedTotals(List<BigDecimal> lineDiscounts, BigDecimal orderDiscount, OrderTotals totals) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static ExpectedTotals of(List<LineItem> lines, CommercialTerms terms, String currency) {
        int digits = minorUnits(currency);
        var lineDiscounts = new ArrayList<BigDecimal>(lines.size());
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal lineTax = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = lines.get(i);
            // An accepted order's lines come from the API, which requires a unit price on each.
            BigDecimal price =
                    Objects.requireNonNull(line.unitPrice(), "unitPrice").multiply(BigDecimal.valueOf(line.quantity()));
            CommercialTerms.LineTerms own = terms.line(i);
            lineDiscounts.add(lineDiscount(own.discount(), price, digits));
            gross = gross.add(price);
            lineTax = lineTax.add(tax(own.taxLines()));
        }
        BigDecimal afterLineDiscounts = gross.subtract(sum(lineDiscounts));
        BigDecimal orderDiscount = orderDiscount(terms.discount(), afterLineDiscounts, digits);
        BigDecimal shipping = sum(terms.shippingLines().stream()
                .map(CommercialTerms.ShippingLine::price)
                .toList());
        BigDecimal shippingDiscount =
                terms.discount() != null && terms.discount().type() == CommercialTerms.DiscountType.FREE_SHIPPING
                        ? shipping
                        : BigDecimal.ZERO;
        BigDecimal shippingTax =
                terms.shippingLines().stream().map(s -> tax(s.taxLines())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = lineTax.add(shippingTax).add(tax(terms.taxLines()));
        BigDecimal subtotal = afterLineDiscounts.subtract(orderDiscount);
        BigDecimal total =
                subtotal.add(shipping).subtract(shippingDiscount).add(terms.taxesIncluded() ? BigDecimal.ZERO : tax);
        BigDecimal discounts = sum(lineDiscounts).add(orderDiscount).add(shippingDiscount);
        return new ExpectedTotals(
                List.copyOf(lineDiscounts),
                orderDiscount,
                new OrderTotals(subtotal, shipping, tax, discounts, total, financialStatus(terms, total)));
    }

    private static BigDecimal lineDiscount(
            CommercialTerms.@Nullable LineDiscount discount, BigDecimal linePrice, int digits) {
        if (discount == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal amount = discount.amount() != null
                ? discount.amount()
                : percentOf(linePrice, Objects.requireNonNull(discount.percentage(), "percentage"), digits);
        return amount.min(linePrice);
    }

    private static BigDecimal orderDiscount(CommercialTerms.@Nullable Discount discount, BigDecimal lines, int digits) {
        if (discount == null || discount.value() == null) {
            return BigDecimal.ZERO;
        }
        return switch (discount.type()) {
            case FIXED_AMOUNT -> discount.value().min(lines);
            case PERCENTAGE -> percentOf(lines, discount.value(), digits);
            case FREE_SHIPPING -> BigDecimal.ZERO;
        };
    }

    static @Nullable String financialStatus(CommercialTerms terms, BigDecimal total) {
        if (terms.financialStatus() != null) {
            return terms.financialStatus();
        }
        BigDecimal paid = succeeded(terms, "SALE", "CAPTURE");
        BigDecimal refunded = succeeded(terms, "REFUND");
        BigDecimal authorized = succeeded(terms, "AUTHORIZATION", "EMV_AUTHORIZATION");
        if (paid.signum() > 0) {
            if (refunded.compareTo(paid) >= 0) {
                return "REFUNDED";
            }
            if (refunded.signum() > 0) {
                return "PARTIALLY_REFUNDED";
            }
            return paid.compareTo(total) >= 0 ? "PAID" : "PARTIALLY_PAID";
        }
        if (authorized.signum() > 0) {
            return terms.transactions().stream().anyMatch(t -> t.succeeded() && "VOID".equals(t.kind()))
                    ? "VOIDED"
                    : "AUTHORIZED";
        }
        return "PENDING";
    }

    private static BigDecimal succeeded(CommercialTerms terms, String... kinds) {
        List<String> wanted = List.of(kinds);
        return terms.transactions().stream()
                .filter(t -> t.succeeded() && wanted.contains(t.kind()))
                .map(CommercialTerms.Transaction::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percentage, int digits) {
        return amount.multiply(percentage).divide(HUNDRED, digits, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal tax(List<CommercialTerms.TaxLine> taxLines) {
        return sum(taxLines.stream().map(CommercialTerms.TaxLine::price).toList());
    }

    /** Minor units of the currency (2 for EUR, 0 for JPY); 2 for a code the JDK does not know. */
    static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
