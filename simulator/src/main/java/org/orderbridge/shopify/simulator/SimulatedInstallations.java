package org.orderbridge.shopify.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's installation in each shop: the access scopes the shop granted ({@code currentAppInstallation {
 * accessScopes { handle } }}, https://shopify.dev/docs/api/admin-graphql/2026-10/objects/AppInstallation), and what
 * Shopify's answers say of the API version: {@code X-Shopify-API-Version}, the version that served the request (the
 * requested one, or the oldest supported one when the requested version is no longer supported:
 * https://shopify.dev/docs/api/usage/versioning), and {@code X-Shopify-API-Deprecated-Reason}, which names what the
 * request used that is deprecated (https://shopify.dev/changelog/graphql-return-actual-deprecation-reasons).
 *
 * <p>A shop grants {@link #DEFAULT_SCOPES} unless a test says otherwise: what OrderBridge's app configuration asks at
 * installation ({@code docs/shopify.app.toml.example}).
 */
public final class SimulatedInstallations {

    public static final Set<String> DEFAULT_SCOPES = Set.of(
            "read_customers",
            "read_locations",
            "read_orders",
            "read_products",
            "write_assigned_fulfillment_orders",
            "write_fulfillments",
            "write_merchant_managed_fulfillment_orders",
            "write_orders");

    private final Map<String, Set<String>> scopes = new ConcurrentHashMap<>();
    private final Map<String, String> servedVersion = new ConcurrentHashMap<>();
    private final Map<String, String> deprecatedReason = new ConcurrentHashMap<>();

    /** Sets what the shop granted; null goes back to the defaults. */
    public void grant(String shop, Set<String> granted) {
        if (granted == null) {
            scopes.remove(shop);
        } else {
            scopes.put(shop, Set.copyOf(granted));
        }
    }

    public Set<String> granted(String shop) {
        return new TreeSet<>(scopes.getOrDefault(shop, DEFAULT_SCOPES));
    }

    /**
     * Makes the shop's answers say that another version served them, and that deprecated things were used; nulls go
     * back to the requested version and no deprecation.
     */
    public void answerWith(String shop, String version, String deprecation) {
        if (version == null) {
            servedVersion.remove(shop);
        } else {
            servedVersion.put(shop, version);
        }
        if (deprecation == null) {
            deprecatedReason.remove(shop);
        } else {
            deprecatedReason.put(shop, deprecation);
        }
    }

    /** The version headers of an answer to the shop for a request of {@code requested}. */
    Map<String, String> headers(String shop, String requested) {
        String served = servedVersion.getOrDefault(shop, requested);
        String deprecation = deprecatedReason.get(shop);
        return deprecation == null
                ? Map.of("X-Shopify-API-Version", served)
                : Map.of("X-Shopify-API-Version", served, "X-Shopify-API-Deprecated-Reason", deprecation);
    }

    /** The {@code AppInstallation} node, with the fields the simulator serves. */
    Map<String, Object> installation(String shop) {
        List<Map<String, Object>> handles = granted(shop).stream()
                .map(handle -> Map.<String, Object>of("handle", handle, "description", handle))
                .toList();
        return Map.of("accessScopes", handles);
    }
}
