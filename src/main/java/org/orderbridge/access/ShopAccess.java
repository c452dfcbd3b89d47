package org.orderbridge.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orderbridge.shopify.ShopifyFeature;

/**
 * What a shop's last check found.
 *
 * @param missing per feature that lacks any, the scopes the shop did not grant
 * @param checkedAt when the scopes were last read
 * @param failure why the last read failed (the missing scopes are then those of the read before), or null
 */
public record ShopAccess(
        String shop,
        Map<ShopifyFeature, List<String>> missing,
        @Nullable Instant checkedAt,
        @Nullable String failure) {

    public boolean lacksScopes() {
        return !missing.isEmpty();
    }

    /** One line per feature that lacks scopes: "Shipments (fulfillments): read_locations, …". */
    public List<String> describeMissing() {
        return missing.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().title() + ": " + String.join(", ", e.getValue()))
                .toList();
    }
}
