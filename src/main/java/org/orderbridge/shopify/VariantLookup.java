package org.orderbridge.shopify;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One search of a shop's variants by SKU. */
interface VariantLookup {

    /** Shopify's largest page: 2 + 250 x 2 = 502 points requested, half the single query limit. */
    int MAX_PAGE = 250;

    /**
     * The first {@code first} variants matching any of the SKUs, as Shopify's search matches them (not only the exact
     * ones).
     *
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled, or the deadline came
     * @throws PermanentShopifyFailure when Shopify refuses the search (e.g. the app lacks {@code read_products})
     */
    Page find(String shop, List<String> skus, int first, Deadline deadline);

    record Variant(@Nullable String sku, long variantId, long productId) {}

    /** @param more Shopify has further matches beyond this page */
    record Page(List<Variant> variants, boolean more) {

        public Page {
            variants = List.copyOf(variants);
        }
    }
}
