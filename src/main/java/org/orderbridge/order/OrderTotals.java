package org.orderbridge.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order's totals in its currency, as Shopify's {@code Order} reports them: {@code subtotal} is the lines after
 * every line and order discount (with the taxes when they are included in the prices), {@code shipping} the shipping
 * lines before discounts, {@code discounts} every discount (lines, order, shipping), {@code total} what the buyer owes.
 *
 * @param financialStatus as Shopify's {@code OrderDisplayFinancialStatus} names it, e.g. PAID; null when unknown
 */
public record OrderTotals(
        BigDecimal subtotal,
        BigDecimal shipping,
        BigDecimal tax,
        BigDecimal discounts,
        BigDecimal total,
        @Nullable String financialStatus) {

    /** Equal amounts however they are written (19.9 and 19.90), and the same financial status. */
    public boolean matches(OrderTotals other) {
        return differences(other).isEmpty();
    }

    /** What differs, e.g. "tax 3.80 ≠ 4.10", in the order of the fields. */
    public List<String> differences(OrderTotals other) {
        var differences = new ArrayList<String>();
        compare(differences, "subtotal", subtotal, other.subtotal);
        compare(differences, "shipping", shipping, other.shipping);
        compare(differences, "tax", tax, other.tax);
        compare(differences, "discounts", discounts, other.discounts);
        compare(differences, "total", total, other.total);
        if (financialStatus != null
                && other.financialStatus != null
                && !financialStatus.equals(other.financialStatus)) {
            differences.add("financial status " + financialStatus + " ≠ " + other.financialStatus);
        }
        return List.copyOf(differences);
    }

    private static void compare(List<String> differences, String name, BigDecimal ours, BigDecimal theirs) {
        if (ours.compareTo(theirs) != 0) {
            differences.add(name + " " + ours.toPlainString() + " ≠ " + theirs.toPlainString());
        }
    }
}
