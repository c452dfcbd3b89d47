package org.orderbridge.shopify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How order lines that give a SKU but no variant reach Shopify: resolved to the shop's variant of that SKU before the
 * push.
 *
 * @param customItemsAllowed whether a line whose SKU no variant of the shop has may go to Shopify as a custom item (a
 *     title and a price, without product, stock, tax settings or fulfillment location); off by default, so that such an
 *     order waits for the merchant instead of being sold past the catalogue
 * @param shops {@code customItemsAllowed} per shop domain (case-insensitive), bound in brackets:
 *     {@code orderbridge.shopify.sku-lines.shops[acme.myshopify.com]=true}
 */
@Validated
@ConfigurationProperties("orderbridge.shopify.sku-lines")
record SkuLineProperties(
        @DefaultValue("false") boolean customItemsAllowed,
        Map<String, @NotNull Boolean> shops,
        @DefaultValue @Valid @NotNull Cache cache) {

    SkuLineProperties {
        shops = shops == null
                ? Map.of()
                : shops.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(
                                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    boolean customItemsAllowed(String shop) {
        return shops.getOrDefault(shop.toLowerCase(Locale.ROOT), customItemsAllowed);
    }

    /**
     * What was learnt about SKUs (their variants, or that the shop has none), per shop and SKU.
     *
     * @param maximumSize SKUs kept across all shops; the least used go first
     * @param ttl how long an answer is trusted: a shop's {@code products/update} webhook forgets it sooner, and this
     *     bounds how stale it can be where that webhook does not arrive
     */
    record Cache(
            @DefaultValue("10000") @Min(1) @Max(1_000_000) long maximumSize,

            @DefaultValue("5m") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24)
            Duration ttl) {}
}
