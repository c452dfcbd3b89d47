package org.orderbridge.shopify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The search query finding variants by any of several SKUs, in Shopify's search syntax
 * (https://shopify.dev/docs/api/usage/search-syntax): {@code sku:'A' OR sku:'B'}. Each SKU is a quoted value, so
 * whitespace, connectives and the syntax's special characters inside it stay part of it; a quote or backslash in it is
 * escaped with a backslash.
 */
final class SkuSearch {

    private SkuSearch() {}

    static String query(List<String> skus) {
        return skus.stream().map(sku -> "sku:'" + escaped(sku) + "'").collect(Collectors.joining(" OR "));
    }

    private static String escaped(String sku) {
        return sku.replace("\\", "\\\\").replace("'", "\\'");
    }
}
