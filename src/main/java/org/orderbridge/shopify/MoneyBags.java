package org.orderbridge.shopify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes amounts as Shopify's {@code MoneyBagInput}: in the shop's currency, and, for an order whose buyer saw another
 * currency, also in that one (MoneyBagInput.presentmentMoney: "If this isn't given then we assume that the presentment
 * currency is the same as the shop's currency"), converted at the order's rate and rounded half up to its minor unit.
 */
final class MoneyBags {

    private final String currency;
    private final @Nullable String presentmentCurrency;
    private final @Nullable BigDecimal rate;

    MoneyBags(String currency, @Nullable String presentmentCurrency, @Nullable BigDecimal rate) {
        if ((presentmentCurrency == null) != (rate == null)) {
            throw new PermanentShopifyFailure("A presentment currency needs its rate, and a rate its currency");
        }
        if (rate != null && rate.signum() <= 0) {
            throw new PermanentShopifyFailure("Presentment rate must be positive: " + rate);
        }
        this.currency = currency;
        this.presentmentCurrency = presentmentCurrency;
        this.rate = rate;
    }

    Map<String, Object> of(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new PermanentShopifyFailure("Negative amount: " + amount);
        }
        var bag = new LinkedHashMap<String, Object>();
        bag.put("shopMoney", money(amount, currency));
        if (presentmentCurrency != null && rate != null) {
            BigDecimal converted =
                    amount.multiply(rate).setScale(minorUnits(presentmentCurrency), RoundingMode.HALF_UP);
            bag.put("presentmentMoney", money(converted, presentmentCurrency));
        }
        return bag;
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("amount", amount.toPlainString(), "currencyCode", currency);
    }

    private static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
