package org.orderbridge.shopify.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * What an order created with {@code OrderCreateOrderInput} adds up to, in the shop's currency and in the presentment
 * currency, and its financial status, as Shopify computes them:
 *
 * <ul>
 *   <li>subtotal: the lines' prices after every discount on them ("The sum of the prices for all line items after
 *       discounts", https://shopify.dev/docs/api/admin-graphql/latest/objects/Order, {@code subtotalPriceSet}); with
 *       {@code taxesIncluded} it includes the taxes ("If taxesIncluded is true, then the subtotal also includes tax");
 *   <li>discounts: "both order and line level discounts" ({@code totalDiscountsSet}), here the discount code's: a fixed
 *       amount or a percentage off the lines, or the shipping for free shipping
 *       (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/OrderCreateDiscountCodeInput);
 *   <li>tax: the tax lines of the lines, of the shipping lines and of the order, each its {@code priceSet}, or, without
 *       one, its rate of the price it taxes: rate x price, and with taxes included in the prices rate x price / (1 +
 *       rate) ("Tax = (Tax Rate * Price) / (1 + Tax Rate)", https://help.shopify.com/manual/taxes/set-adjust-online-taxes).
 *       A shop that does not charge tax on shipping rates (Settings > Taxes and duties, "Charge tax on shipping
 *       rates", https://help.shopify.com/en/manual/taxes/shipping) charges none on its shipping lines;
 *   <li>total: subtotal, plus shipping less its discount, plus tax unless the prices include it;
 *   <li>financial status: as given, else "derived through the given transactions" (OrderCreateOrderInput
 *       .financialStatus, https://shopify.dev/docs/api/admin-graphql/latest/input-objects/OrderCreateOrderInput), read
 *       as https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFinancialStatus describes its values:
 *       successful sales and captures covering the total PAID, less PARTIALLY_PAID; a successful authorization
 *       AUTHORIZED, VOIDED once voided; successful refunds REFUNDED or PARTIALLY_REFUNDED; otherwise PENDING.
 * </ul>
 *
 * Percentages are rounded half up to the currency's minor unit once, on the amount they are taken of.
 */
public record SimulatedTotals(Amounts shop, Amounts presentment, String financialStatus) {

    /** The amounts in one currency. */
    public record Amounts(
            String currency,
            BigDecimal subtotal,
            BigDecimal shipping,
            BigDecimal tax,
            BigDecimal discounts,
            BigDecimal total) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The totals of an order created from {@code input} in a shop that does or does not tax shipping. */
    static SimulatedTotals of(Map<String, Object> input, boolean chargesTaxOnShipping) {
        String currency = (String) input.get("currency");
        Object presentment = input.get("presentmentCurrency");
        Amounts shop = amounts(input, "shopMoney", currency, chargesTaxOnShipping);
        Amounts inPresentment = presentment == null || presentment.equals(currency)
                ? shop
                : amounts(input, "presentmentMoney", (String) presentment, chargesTaxOnShipping);
        return new SimulatedTotals(shop, inPresentment, financialStatus(input, shop.total()));
    }

    @SuppressWarnings("unchecked")
    private static Amounts amounts(Map<String, Object> input, String side, String currency, boolean taxShipping) {
        int digits = minorUnits(currency);
        boolean taxesIncluded = Boolean.TRUE.equals(input.get("taxesIncluded"));
        BigDecimal lines = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Map<String, Object> line : list(input.get("lineItems"))) {
            BigDecimal price = money(line.get("priceSet"), side)
                    .multiply(BigDecimal.valueOf(((Number) line.get("quantity")).intValue()));
            lines = lines.add(price);
            tax = tax.add(tax(list(line.get("taxLines")), side, price, taxesIncluded, digits));
        }
        BigDecimal shipping = BigDecimal.ZERO;
        for (Map<String, Object> shippingLine : list(input.get("shippingLines"))) {
            BigDecimal price = money(shippingLine.get("priceSet"), side);
            shipping = shipping.add(price);
            if (taxShipping) {
                tax = tax.add(tax(list(shippingLine.get("taxLines")), side, price, taxesIncluded, digits));
            }
        }
        Map<String, Object> code = (Map<String, Object>) input.get("discountCode");
        BigDecimal lineDiscount = BigDecimal.ZERO;
        BigDecimal shippingDiscount = BigDecimal.ZERO;
        if (code != null && code.get("itemFixedDiscountCode") instanceof Map<?, ?> fixed) {
            lineDiscount = money(fixed.get("amountSet"), side).min(lines);
        } else if (code != null && code.get("itemPercentageDiscountCode") instanceof Map<?, ?> percentage) {
            Object value = percentage.get("percentage");
            lineDiscount = value == null
                    ? BigDecimal.ZERO
                    : lines.multiply(new BigDecimal(String.valueOf(value)))
                            .divide(HUNDRED, digits, RoundingMode.HALF_UP);
        } else if (code != null && code.get("freeShippingDiscountCode") != null) {
            shippingDiscount = shipping;
        }
        BigDecimal subtotal = lines.subtract(lineDiscount);
        tax = tax.add(tax(list(input.get("taxLines")), side, subtotal, taxesIncluded, digits));
        BigDecimal total = subtotal.add(shipping).subtract(shippingDiscount).add(taxesIncluded ? BigDecimal.ZERO : tax);
        return new Amounts(currency, subtotal, shipping, tax, lineDiscount.add(shippingDiscount), total);
    }

    private static BigDecimal tax(
            List<Map<String, Object>> taxLines, String side, BigDecimal price, boolean included, int digits) {
        BigDecimal tax = BigDecimal.ZERO;
        for (Map<String, Object> taxLine : taxLines) {
            if (taxLine.get("priceSet") != null) {
                tax = tax.add(money(taxLine.get("priceSet"), side));
                continue;
            }
            BigDecimal rate = new BigDecimal(String.valueOf(taxLine.get("rate")));
            BigDecimal charged = price.multiply(rate);
            tax = tax.add(
                    included
                            ? charged.divide(BigDecimal.ONE.add(rate), digits, RoundingMode.HALF_UP)
                            : charged.setScale(digits, RoundingMode.HALF_UP));
        }
        return tax;
    }

    private static String financialStatus(Map<String, Object> input, BigDecimal total) {
        if (input.get("financialStatus") instanceof String given) {
            return given;
        }
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        boolean authorized = false;
        boolean voided = false;
        for (Map<String, Object> transaction : list(input.get("transactions"))) {
            // The input's defaults, as the schema declares them: kind SALE, status SUCCESS.
            if (!"SUCCESS".equals(transaction.getOrDefault("status", "SUCCESS"))) {
                continue;
            }
            BigDecimal amount = money(transaction.get("amountSet"), "shopMoney");
            switch ((String) transaction.getOrDefault("kind", "SALE")) {
                case "SALE", "CAPTURE" -> paid = paid.add(amount);
                case "REFUND" -> refunded = refunded.add(amount);
                case "AUTHORIZATION", "EMV_AUTHORIZATION" -> authorized |= amount.signum() > 0;
                case "VOID" -> voided = true;
                default -> {
                    // CHANGE and SUGGESTED_REFUND move no money of the order's
                }
            }
        }
        if (paid.signum() > 0) {
            if (refunded.compareTo(paid) >= 0) {
                return "REFUNDED";
            }
            if (refunded.signum() > 0) {
                return "PARTIALLY_REFUNDED";
            }
            return paid.compareTo(total) >= 0 ? "PAID" : "PARTIALLY_PAID";
        }
        if (authorized) {
            return voided ? "VOIDED" : "AUTHORIZED";
        }
        return "PENDING";
    }

    /**
     * The amount of a MoneyBagInput on one side; a bag without presentment money is in the shop's currency on both
     * ("If this isn't given then we assume that the presentment currency is the same as the shop's currency").
     */
    @SuppressWarnings("unchecked")
    static BigDecimal money(Object bag, String side) {
        if (!(bag instanceof Map<?, ?> moneyBag)) {
            return BigDecimal.ZERO;
        }
        Object money = moneyBag.get(side) != null ? moneyBag.get(side) : moneyBag.get("shopMoney");
        return new BigDecimal(String.valueOf(((Map<String, Object>) money).get("amount")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static int minorUnits(String currency) {
        try {
            int digits = currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
