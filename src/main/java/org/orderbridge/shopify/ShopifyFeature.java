package org.orderbridge.shopify;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What OrderBridge does in a shop, with the access scopes the documents it sends for it require: as Shopify's schema
 * states them for each field and type (its {@code offline_scopes}), checked by {@code AccessScopesTest} against every
 * {@link ShopifyOperation} of the feature. A scope that writes a resource also grants reading it
 * (https://shopify.dev/docs/api/usage/access-scopes), so a feature that writes orders lists {@code write_orders} only.
 */
public enum ShopifyFeature {
    ORDER_PUSH("Order push (with SKU resolution)", List.of("read_products", "write_orders")),
    ORDER_CANCEL("Order cancellation", List.of("write_orders")),
    ORDER_SYNC(
            "Order webhooks, reconciliation and backfill", List.of("read_customers", "read_orders", "read_products")),
    FULFILLMENT(
            "Shipments (fulfillments)",
            List.of("read_locations", "read_orders", "write_merchant_managed_fulfillment_orders")),
    FULFILLMENT_SERVICE(
            "Fulfillment service (3PL) mode",
            List.of("read_locations", "write_assigned_fulfillment_orders", "write_fulfillments")),
    WEBHOOK_SUBSCRIPTIONS("Webhook subscriptions", List.of()),
    ACCESS_SCOPE_CHECK("Access scope check", List.of());

    private final String title;
    private final List<String> scopes;

    ShopifyFeature(String title, List<String> scopes) {
        this.title = title;
        this.scopes = scopes;
    }

    public String title() {
        return title;
    }

    public List<String> scopes() {
        return scopes;
    }

    /** Whether a shop uses the feature: fulfillment-service mode only in shops configured so. */
    public boolean usedIn(boolean fulfillmentServiceMode) {
        return this != FULFILLMENT_SERVICE || fulfillmentServiceMode;
    }

    /** The feature's scopes that {@code granted} lacks; a granted write scope covers its read scope. */
    public List<String> missingFrom(Set<String> granted) {
        return scopes.stream().filter(scope -> !covered(scope, granted)).toList();
    }

    static boolean covered(String scope, Set<String> granted) {
        return granted.contains(scope)
                || scope.startsWith("read_") && granted.contains("write_" + scope.substring("read_".length()));
    }

    /** Every scope the app needs: what its configuration asks of a shop at installation. */
    public static SortedSet<String> allScopes() {
        var all = new TreeSet<String>();
        for (ShopifyFeature feature : values()) {
            all.addAll(feature.scopes);
        }
        return all;
    }

    /** The feature each document serves; a new document must be given one. */
    static ShopifyFeature of(ShopifyOperation operation) {
        return switch (operation) {
            case FIND_ORDER_ID_DEFINITION,
                    CREATE_ORDER_ID_DEFINITION,
                    CREATE_ORDER,
                    FIND_ORDER_BY_CUSTOM_ID,
                    FIND_VARIANTS_BY_SKU -> ORDER_PUSH;
            case CANCEL_ORDER, FIND_ORDER_CANCELLATION, FIND_ORDER_CANCELLATION_BY_CUSTOM_ID, FIND_JOB -> ORDER_CANCEL;
            case FIND_ORDER_BY_ID, ORDERS_UPDATED_SINCE, ORDER_SNAPSHOT, RUN_BULK_QUERY, FIND_BULK_OPERATION ->
                ORDER_SYNC;
            case FIND_FULFILLMENT_STATE,
                    ORDER_LINE_ITEMS_PAGE,
                    FULFILLMENT_ORDERS_PAGE,
                    FULFILLMENT_ORDER_LINES_PAGE,
                    FIND_FULFILLMENTS,
                    FULFILLMENT_LINES_PAGE,
                    RELEASE_FULFILLMENT_HOLD,
                    MOVE_FULFILLMENT_ORDER,
                    OPEN_FULFILLMENT_ORDER,
                    CREATE_FULFILLMENT,
                    UPDATE_FULFILLMENT_TRACKING,
                    CANCEL_FULFILLMENT -> FULFILLMENT;
            case FIND_FULFILLMENT_SERVICES,
                    CREATE_FULFILLMENT_SERVICE,
                    ASSIGNED_FULFILLMENT_ORDERS,
                    FIND_REQUESTED_FULFILLMENT_ORDER,
                    ACCEPT_FULFILLMENT_REQUEST,
                    REJECT_FULFILLMENT_REQUEST,
                    ACCEPT_CANCELLATION_REQUEST,
                    REJECT_CANCELLATION_REQUEST -> FULFILLMENT_SERVICE;
            case LIST_WEBHOOK_SUBSCRIPTIONS, CREATE_WEBHOOK_SUBSCRIPTION, UPDATE_WEBHOOK_SUBSCRIPTION ->
                WEBHOOK_SUBSCRIPTIONS;
            case READ_ACCESS_SCOPES -> ACCESS_SCOPE_CHECK;
        };
    }
}
