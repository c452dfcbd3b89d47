package org.orderbridge.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The Shopify Admin API version as this instance has used it, read from the meters the Shopify client keeps
 * (docs/shopify.md, "API versions"): the pinned version, and per shop the other versions Shopify answered with and the
 * operations it reported deprecated use in. Meters rather than the client itself, so the console depends on no more
 * than what any metrics reader sees.
 */
@Component
class ShopifyApiVersionUse {

    static final String PINNED = "orderbridge.shopify.api_version.pinned";
    static final String MISMATCH = "orderbridge.shopify.api_version.mismatch";
    static final String DEPRECATED = "orderbridge.shopify.deprecated_calls";

    /** One shop with anything to say about the version: "2026-07 (3 answers)", "CREATE_ORDER (2 calls)". */
    record ShopRow(String shop, List<String> servedInstead, List<String> deprecatedIn) {}

    record View(String pinned, List<ShopRow> shops) {}

    private final MeterRegistry meters;

    ShopifyApiVersionUse(MeterRegistry meters) {
        this.meters = meters;
    }

    View view() {
        String pinned = meters.find(PINNED).gauges().stream()
                .map(Gauge::getId)
                .map(id -> id.getTag("version"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("not yet used");
        var served = new TreeMap<String, List<String>>();
        var deprecated = new TreeMap<String, List<String>>();
        collect(MISMATCH, "served", "answer", served);
        collect(DEPRECATED, "operation", "call", deprecated);
        var shops = new TreeMap<String, ShopRow>();
        served.keySet().forEach(shop -> shops.put(shop, null));
        deprecated.keySet().forEach(shop -> shops.put(shop, null));
        return new View(
                pinned,
                shops.keySet().stream()
                        .map(shop -> new ShopRow(
                                shop, served.getOrDefault(shop, List.of()), deprecated.getOrDefault(shop, List.of())))
                        .toList());
    }

    private void collect(String meter, String tag, String unit, Map<String, List<String>> byShop) {
        for (Counter counter : meters.find(meter).counters()) {
            String shop = counter.getId().getTag("shop");
            String what = counter.getId().getTag(tag);
            long count = (long) counter.count();
            if (shop != null && what != null && count > 0) {
                byShop.computeIfAbsent(shop, s -> new ArrayList<>())
                        .add(what + " (" + count + " " + unit + (count == 1 ? "" : "s") + ")");
            }
        }
        byShop.values().forEach(lines -> lines.sort(null));
    }
}
