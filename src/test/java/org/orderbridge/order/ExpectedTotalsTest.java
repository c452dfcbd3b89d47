package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ExpectedTotalsTest {

    private static final List<LineItem> TWO_ENGINES =
            List.of(new LineItem(null, "ENGINE-1", null, "Difference engine", 2, new BigDecimal("19.90")));
    private static final CommercialTerms.TaxLine LINE_VAT =
            new CommercialTerms.TaxLine("VAT", new BigDecimal("0.2"), new BigDecimal("6.96"));
    private static final CommercialTerms.ShippingLine STANDARD = new CommercialTerms.ShippingLine(
            "Standard",
            "STD",
            new BigDecimal("4.90"),
            List.of(new CommercialTerms.TaxLine("VAT", new BigDecimal("0.2"), new BigDecimal("0.98"))));

    @Test
    void addsShippingAndTaxesToTheLinesLessTheirDiscount() {
        OrderTotals totals = totals(terms(
                List.of(new CommercialTerms.LineTerms(null, List.of(LINE_VAT))),
                List.of(STANDARD),
                false,
                fixed("5.00"),
                List.of(sale("47.64"))));

        assertThat(totals)
                .isEqualTo(new OrderTotals(
                        new BigDecimal("34.80"),
                        new BigDecimal("4.90"),
                        new BigDecimal("7.94"),
                        new BigDecimal("5.00"),
                        new BigDecimal("47.64"),
                        "PAID"));
    }

    @Test
    void addsNoTaxWhenThePricesIncludeIt() {
        OrderTotals totals = totals(terms(
                List.of(new CommercialTerms.LineTerms(null, List.of(LINE_VAT))),
                List.of(STANDARD),
                true,
                null,
                List.of()));

        assertThat(totals.tax()).isEqualByComparingTo("7.94");
        assertThat(totals.total()).isEqualByComparingTo("44.70");
        assertThat(totals.financialStatus()).isEqualTo("PENDING");
    }

    @Test
    void turnsPercentagesIntoAmountsRoundedToTheCurrencysMinorUnit() {
        // 12.5 % of 39.80 is 4.975: 4.98; then 10 % of the remaining 34.82 is 3.482: 3.48.
        var line = new CommercialTerms.LineTerms(
                new CommercialTerms.LineDiscount(null, new BigDecimal("12.5"), "Trade fair"), List.of());
        ExpectedTotals expected =
                ExpectedTotals.of(TWO_ENGINES, terms(List.of(line), List.of(), false, null, List.of()), "EUR");

        assertThat(expected.lineDiscounts()).containsExactly(new BigDecimal("4.98"));
        assertThat(expected.totals().subtotal()).isEqualByComparingTo("34.82");

        var percentage =
                new CommercialTerms.Discount("TEN", CommercialTerms.DiscountType.PERCENTAGE, new BigDecimal("10"));
        ExpectedTotals orderDiscount =
                ExpectedTotals.of(TWO_ENGINES, terms(List.of(), List.of(), false, percentage, List.of()), "JPY");
        assertThat(orderDiscount.orderDiscount()).isEqualByComparingTo("4");
    }

    @Test
    void freeShippingTakesTheShippingOff() {
        var free = new CommercialTerms.Discount("SHIPFREE", CommercialTerms.DiscountType.FREE_SHIPPING, null);
        OrderTotals totals = totals(terms(List.of(), List.of(STANDARD), false, free, List.of()));

        assertThat(totals.discounts()).isEqualByComparingTo("4.90");
        assertThat(totals.total()).isEqualByComparingTo("40.78");
    }

    @Test
    void readsTheFinancialStatusFromTheTransactionsUnlessOneIsGiven() {
        assertThat(status(List.of(sale("47.64")), null)).isEqualTo("PAID");
        assertThat(status(List.of(sale("20.00")), null)).isEqualTo("PARTIALLY_PAID");
        assertThat(status(List.of(transaction("AUTHORIZATION", "47.64", "SUCCESS")), null))
                .isEqualTo("AUTHORIZED");
        assertThat(status(
                        List.of(
                                transaction("AUTHORIZATION", "47.64", "SUCCESS"),
                                transaction("VOID", "47.64", "SUCCESS")),
                        null))
                .isEqualTo("VOIDED");
        assertThat(status(List.of(sale("47.64"), transaction("REFUND", "10.00", "SUCCESS")), null))
                .isEqualTo("PARTIALLY_REFUNDED");
        assertThat(status(List.of(sale("47.64"), transaction("REFUND", "47.64", "SUCCESS")), null))
                .isEqualTo("REFUNDED");
        assertThat(status(List.of(transaction("SALE", "47.64", "FAILURE")), null))
                .isEqualTo("PENDING");
        assertThat(status(List.of(), null)).isEqualTo("PENDING");
        assertThat(status(List.of(), "PAID")).isEqualTo("PAID");
    }

    @Test
    void anOrderWithoutTermsCostsWhatItsLinesCost() {
        assertThat(totals(CommercialTerms.NONE))
                .isEqualTo(new OrderTotals(
                        new BigDecimal("39.80"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("39.80"),
                        "PENDING"));
    }

    @Test
    void matchesTotalsWrittenWithOtherScalesAndNamesWhatDiffers() {
        var ours = new OrderTotals(
                new BigDecimal("34.8"),
                new BigDecimal("4.9"),
                new BigDecimal("7.94"),
                new BigDecimal("5"),
                new BigDecimal("47.64"),
                "PAID");
        var same = new OrderTotals(
                new BigDecimal("34.80"),
                new BigDecimal("4.90"),
                new BigDecimal("7.940"),
                new BigDecimal("5.00"),
                new BigDecimal("47.64"),
                "PAID");
        var taxedLess = new OrderTotals(
                new BigDecimal("34.80"),
                new BigDecimal("4.90"),
                new BigDecimal("6.96"),
                new BigDecimal("5.00"),
                new BigDecimal("46.66"),
                "PARTIALLY_PAID");

        assertThat(ours.matches(same)).isTrue();
        assertThat(ours.differences(taxedLess))
                .containsExactly("tax 7.94 ≠ 6.96", "total 47.64 ≠ 46.66", "financial status PAID ≠ PARTIALLY_PAID");
    }

    private static OrderTotals totals(CommercialTerms terms) {
        return ExpectedTotals.of(TWO_ENGINES, terms, "EUR").totals();
    }

    private static String status(List<CommercialTerms.Transaction> transactions, String given) {
        var terms = new CommercialTerms(
                List.of(), List.of(), List.of(), false, null, transactions, given, null, null, null, List.of(), false);
        return ExpectedTotals.financialStatus(terms, new BigDecimal("47.64"));
    }

    static CommercialTerms terms(
            List<CommercialTerms.LineTerms> lines,
            List<CommercialTerms.ShippingLine> shipping,
            boolean taxesIncluded,
            CommercialTerms.Discount discount,
            List<CommercialTerms.Transaction> transactions) {
        return new CommercialTerms(
                lines,
                shipping,
                List.of(),
                taxesIncluded,
                discount,
                transactions,
                null,
                null,
                null,
                null,
                List.of(),
                false);
    }

    private static CommercialTerms.Discount fixed(String amount) {
        return new CommercialTerms.Discount(
                "SPRING5", CommercialTerms.DiscountType.FIXED_AMOUNT, new BigDecimal(amount));
    }

    private static CommercialTerms.Transaction sale(String amount) {
        return transaction("SALE", amount, "SUCCESS");
    }

    private static CommercialTerms.Transaction transaction(String kind, String amount, String status) {
        return new CommercialTerms.Transaction(kind, "manual", new BigDecimal(amount), status);
    }
}
