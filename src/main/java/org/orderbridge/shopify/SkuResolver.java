package org.orderbridge.shopify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the lines of a draft that give a SKU but no variant to the shop's variant of that SKU, so that Shopify
 * sells the product (its stock, tax settings and fulfillment location) rather than a custom item. The SKUs of a draft
 * that are not cached are looked up together, one search per {@link #MAX_SKUS_PER_SEARCH}. Shopify's search may match
 * more than the exact SKU, so only variants whose SKU equals the line's count. Answers are cached per shop and SKU for
 * a short time, and forgotten when a {@code products/update} webhook reports a product holding the SKU or one of the
 * cached variants; that the shop lacks a SKU is cached only where the line then goes as a custom item.
 */
final class SkuResolver implements ShopifyProductChanges {

    /** 100 SKUs ask for a page of 208 variants: 418 points requested. */
    static final int MAX_SKUS_PER_SEARCH = 100;

    private final VariantLookup lookup;
    private final SkuLineProperties properties;
    private final Cache<Key, List<VariantLookup.Variant>> cache;

    SkuResolver(VariantLookup lookup, SkuLineProperties properties, Ticker ticker) {
        this.lookup = lookup;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cache().maximumSize())
                .expireAfterWrite(properties.cache().ttl())
                .ticker(ticker)
                .recordStats()
                .build();
    }

    Cache<?, ?> cache() {
        return cache;
    }

    /**
     * @throws ShopifyUnavailableException when Shopify could not answer in time; try again later
     * @throws PermanentShopifyFailure when Shopify refuses the search
     */
    SkuResolution resolve(OrderDraft draft, Deadline deadline) {
        String shop = draft.shopDomain().toLowerCase(Locale.ROOT);
        Set<String> wanted = draft.lines().stream()
                .filter(SkuResolver::skuOnly)
                .map(OrderDraft.Line::sku)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            return new SkuResolution.Resolved(draft);
        }
        Map<String, Matches> known = new HashMap<>();
        cache.getAllPresent(wanted.stream().map(sku -> new Key(shop, sku)).toList())
                .forEach((key, variants) -> known.put(key.sku(), new Matches(variants, true)));
        List<String> missing =
                wanted.stream().filter(sku -> !known.containsKey(sku)).toList();
        for (int from = 0; from < missing.size(); from += MAX_SKUS_PER_SEARCH) {
            search(shop, missing.subList(from, Math.min(missing.size(), from + MAX_SKUS_PER_SEARCH)), deadline, known);
        }
        return resolved(draft, shop, known);
    }

    private SkuResolution resolved(OrderDraft draft, String shop, Map<String, Matches> known) {
        boolean customAllowed = properties.customItemsAllowed(shop);
        var lines = new ArrayList<OrderDraft.Line>();
        var problems = new ArrayList<String>();
        for (OrderDraft.Line line : draft.lines()) {
            Matches matches = skuOnly(line) ? known.get(line.sku()) : null;
            if (matches == null) {
                lines.add(line);
            } else if (matches.variants().size() == 1 && matches.complete()) {
                lines.add(line.withVariantId(matches.variants().getFirst().variantId()));
            } else if (matches.variants().isEmpty() && matches.complete() && customAllowed) {
                lines.add(line);
            } else {
                problems.add("line " + (lines.size() + 1) + " (SKU " + line.sku() + "): " + matches.problem());
                lines.add(line);
            }
        }
        return problems.isEmpty()
                ? new SkuResolution.Resolved(draft.withLines(lines))
                : new SkuResolution.Unresolved(String.join("; ", problems));
    }

    /**
     * One search for the SKUs. A full page may hide matches, so then the SKUs are searched again in halves, and a single
     * SKU once more with the largest page; what still overflows that is left incomplete (and not cached).
     */
    private void search(String shop, List<String> skus, Deadline deadline, Map<String, Matches> known) {
        int first = Math.min(VariantLookup.MAX_PAGE, 2 * skus.size() + 8);
        VariantLookup.Page page = lookup.find(shop, skus, first, deadline);
        if (page.more() && skus.size() > 1) {
            int half = skus.size() / 2;
            search(shop, skus.subList(0, half), deadline, known);
            search(shop, skus.subList(half, skus.size()), deadline, known);
            return;
        }
        if (page.more() && first < VariantLookup.MAX_PAGE) {
            page = lookup.find(shop, skus, VariantLookup.MAX_PAGE, deadline);
        }
        Map<String, List<VariantLookup.Variant>> exact = page.variants().stream()
                .filter(variant -> variant.sku() != null && skus.contains(variant.sku()))
                .collect(Collectors.groupingBy(VariantLookup.Variant::sku));
        for (String sku : skus) {
            List<VariantLookup.Variant> variants = List.copyOf(exact.getOrDefault(sku, List.of()));
            // Two exact matches already make the SKU ambiguous, however many more there are.
            boolean complete = !page.more() || variants.size() > 1;
            known.put(sku, new Matches(variants, complete));
            // A SKU the shop lacks parks the order unless custom items are allowed: not cached then, so that the
            // order's re-push after the merchant adds the product (products/create, which is not subscribed) finds it.
            if (complete && (!variants.isEmpty() || properties.customItemsAllowed(shop))) {
                cache.put(new Key(shop, sku), variants);
            }
        }
    }

    @Override
    public void productUpdated(
            String shopDomain, long productId, Collection<Long> variantIds, Collection<String> skus) {
        String shop = shopDomain.toLowerCase(Locale.ROOT);
        cache.asMap()
                .entrySet()
                .removeIf(entry -> entry.getKey().shop().equals(shop)
                        && (skus.contains(entry.getKey().sku())
                                || entry.getValue().stream()
                                        .anyMatch(variant -> variant.productId() == productId
                                                || variantIds.contains(variant.variantId()))));
    }

    private static boolean skuOnly(OrderDraft.Line line) {
        return line.variantId() == null && line.sku() != null && !line.sku().isBlank();
    }

    private record Key(String shop, String sku) {}

    /** @param complete false when Shopify had more matches than one page could hold */
    private record Matches(List<VariantLookup.Variant> variants, boolean complete) {

        String problem() {
            if (!complete) {
                return "Shopify's search for it returned more than " + VariantLookup.MAX_PAGE
                        + " variants, which cannot be told apart";
            }
            if (variants.isEmpty()) {
                return "no variant of the shop has this SKU";
            }
            return variants.size() + " variants have this SKU ("
                    + variants.stream()
                            .map(variant -> String.valueOf(variant.variantId()))
                            .collect(Collectors.joining(", "))
                    + ")";
        }
    }
}
