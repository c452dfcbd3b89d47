package org.orderbridge.shopify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Shop domain to Admin API access token, bound from one compact string such as the {@code SHOPIFY_ACCESS_TOKENS}
 * environment variable: {@code a.myshopify.com=tok1,b.myshopify.com=tok2}.
 */
record AccessTokens(Map<String, String> byShop) {

    static final AccessTokens NONE = new AccessTokens(Map.of());

    AccessTokens {
        byShop = Map.copyOf(byShop);
    }

    static AccessTokens parse(String compact) {
        var byShop = new LinkedHashMap<String, String>();
        for (String entry : compact.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                // The entry itself may hold a token, so it is not echoed.
                throw new IllegalArgumentException(
                        "Shopify access tokens must look like shop=token, separated by commas");
            }
            byShop.put(
                    entry.substring(0, eq).strip().toLowerCase(),
                    entry.substring(eq + 1).strip());
        }
        return new AccessTokens(byShop);
    }

    Optional<String> tokenFor(String shopDomain) {
        return shopDomain == null ? Optional.empty() : Optional.ofNullable(byShop.get(shopDomain.toLowerCase()));
    }

    @Override
    public String toString() {
        return "AccessTokens" + byShop.keySet() + " (tokens hidden)";
    }
}
