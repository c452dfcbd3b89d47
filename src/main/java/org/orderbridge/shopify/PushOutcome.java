package org.orderbridge.shopify;

import org.jspecify.annotations.Nullable;

/** Result of {@link ShopifyOrders#createOrder}; transient trouble is thrown as {@link ShopifyUnavailableException}. */
public sealed interface PushOutcome {

    /**
     * The order exists in Shopify: created by this call or found from an earlier attempt.
     *
     * @param totals what Shopify's answer says the order adds up to; null when it said nothing of it
     */
    record Created(
            String shopifyGid,
            long shopifyLegacyId,
            String name,
            @Nullable ShopifyTotals totals) implements PushOutcome {

        public Created(String shopifyGid, long shopifyLegacyId, String name) {
            this(shopifyGid, shopifyLegacyId, name, null);
        }
    }

    /** Shopify (or the draft itself) refuses the order; retrying the same draft will not help. */
    record Rejected(String reason) implements PushOutcome {}

    /**
     * Shopify refuses the order because a line's variant lacks the stock and may not be oversold (inventory policy DENY,
     * orders obeying it). Retrying will not help until the shop is restocked; {@code reason} names each such line (our
     * SKU and variant) with Shopify's message, which names the location.
     */
    record OutOfStock(String reason) implements PushOutcome {}

    /**
     * A line gives a SKU without a variant, and the shop has no variant with that SKU (and may not take the line as a
     * custom item) or several. Retrying will not help until the catalogue or the order changes; {@code reason} names
     * each such line and its SKU.
     */
    record UnresolvedSku(String reason) implements PushOutcome {}
}
