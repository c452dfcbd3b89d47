package org.orderbridge.reconcile;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orderbridge.shopify.ShopifyOrderFeed;
import org.orderbridge.shopify.simulator.OrderRevisions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Admin GraphQL order nodes, simulator orders and pass runners for the reconciliation tests. */
public final class ReconcileFixtures {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private ReconcileFixtures() {}

    /**
     * Settings of the tests' passes: no webhook grace (the orders were made a moment ago), an hour back for a shop's
     * first pass, pages of 10 orders.
     */
    static ReconciliationProperties properties(Duration lease) {
        return new ReconciliationProperties(
                true,
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                Duration.ZERO,
                Duration.ofHours(1),
                10,
                lease,
                Duration.ofSeconds(1));
    }

    /** The order input of an order made in the shop: lines with and without variant, addresses, tags and a note. */
    public static Map<String, Object> simulatorInput(int i, int lines) {
        var items = new ArrayList<Map<String, Object>>();
        for (int l = 0; l < lines; l++) {
            var item = new HashMap<String, Object>();
            item.put("title", "Item " + l);
            item.put("sku", "SKU-" + i + "-" + l);
            item.put("quantity", 1 + l);
            item.put("priceSet", Map.of("shopMoney", Map.of("amount", "1" + l + ".90", "currencyCode", "EUR")));
            if (l % 2 == 1) {
                item.put("variantId", "gid://shopify/ProductVariant/" + (900 + l));
            }
            items.add(item);
        }
        var input = new LinkedHashMap<String, Object>();
        input.put("email", "buyer" + i + "@example.com");
        input.put("phone", "+49301234" + i);
        input.put("currency", "EUR");
        input.put("note", "created " + i);
        input.put("tags", List.of("batch", "n" + i));
        input.put(
                "shippingAddress",
                Map.of(
                        "firstName", "Ada",
                        "lastName", "Lovelace " + i,
                        "company", "Engines Ltd",
                        "address1", "1 Analytical Way",
                        "city", "London",
                        "province", "England",
                        "provinceCode", "ENG",
                        "zip", "N1 9GU",
                        "country", "United Kingdom",
                        "countryCode", "GB"));
        input.put("billingAddress", Map.of("firstName", "Charles", "lastName", "Babbage", "countryCode", "GB"));
        input.put("lineItems", items);
        return input;
    }

    /** What PostgreSQL holds of an order, for comparing with the simulator's current revision. */
    record Stored(
            Instant shopifyUpdatedAt,
            @Nullable String note,
            List<String> tags,
            String financialStatus,
            BigDecimal totalPrice,
            int lines,
            Instant updatedAt) {}

    static Map<Long, Stored> stored(JdbcClient jdbc, String shop) {
        var stored = new HashMap<Long, Stored>();
        jdbc.sql("""
                select shopify_order_id, shopify_updated_at, note, tags::text, financial_status, total_price,
                       jsonb_array_length(line_items) as lines, updated_at
                  from shop_order where shop_domain = ?""")
                .param(shop)
                .query((rs, row) -> stored.put(
                        rs.getLong("shopify_order_id"),
                        new Stored(
                                rs.getTimestamp("shopify_updated_at").toInstant(),
                                rs.getString("note"),
                                List.of(JSON.readValue(rs.getString("tags"), String[].class)),
                                rs.getString("financial_status"),
                                rs.getBigDecimal("total_price"),
                                rs.getInt("lines"),
                                rs.getTimestamp("updated_at").toInstant())))
                .list();
        return stored;
    }

    /** Whether the stored order shows the simulator's current revision of it. */
    static boolean showsRevision(@Nullable Stored stored, OrderRevisions.Revision revision) {
        return stored != null
                && stored.shopifyUpdatedAt().equals(revision.updatedAt().toInstant())
                && java.util.Objects.equals(stored.note(), revision.note())
                && stored.tags().equals(revision.tags())
                && stored.financialStatus().equals(revision.financialStatus());
    }

    /** A node in the shape of {@code ShopifyOrderFeed.ORDER_FRAGMENT}, as Shopify answers it. */
    public static ObjectNode orderNode(long id, Instant updatedAt, String note) {
        return (ObjectNode) JSON.readTree("""
                {
                  "id": "gid://shopify/Order/%1$d",
                  "legacyResourceId": "%1$d",
                  "name": "#%1$d",
                  "email": "jon@example.com",
                  "phone": "+4930123456",
                  "customer": {
                    "legacyResourceId": "7001",
                    "firstName": "Jon",
                    "lastName": "Snow",
                    "defaultEmailAddress": {"emailAddress": "jon.customer@example.com"},
                    "defaultPhoneNumber": {"phoneNumber": "+4930999999"}
                  },
                  "shippingAddress": {
                    "firstName": "Jon", "lastName": "Snow", "company": "Night's Watch", "address1": "Wall 1",
                    "address2": "Tower 3", "city": "Berlin", "province": "Berlin", "provinceCode": "BE",
                    "zip": "10115", "country": "Germany", "countryCodeV2": "DE", "phone": "+4930123456"
                  },
                  "billingAddress": {
                    "firstName": "Arya", "lastName": "Stark", "company": null, "address1": "Winterfell 1",
                    "address2": null, "city": "Hamburg", "province": null, "provinceCode": null, "zip": "20095",
                    "country": "Germany", "countryCodeV2": "DE", "phone": null
                  },
                  "lineItems": {
                    "pageInfo": {"hasNextPage": false},
                    "nodes": [
                      {"id": "gid://shopify/LineItem/%1$d0", "sku": "MUG-1", "title": "Mug", "quantity": 2,
                       "variant": {"legacyResourceId": "42"},
                       "originalUnitPriceSet": {"shopMoney": {"amount": "29.90"}}},
                      {"id": "gid://shopify/LineItem/%1$d1", "sku": null, "title": "Custom engraving", "quantity": 1,
                       "variant": null, "originalUnitPriceSet": {"shopMoney": {"amount": "0.00"}}}
                    ]
                  },
                  "currencyCode": "EUR",
                  "totalPriceSet": {"shopMoney": {"amount": "59.80"}},
                  "displayFinancialStatus": "PAID",
                  "displayFulfillmentStatus": "UNFULFILLED",
                  "cancelledAt": null,
                  "cancelReason": null,
                  "note": "%3$s",
                  "tags": ["wholesale", "priority"],
                  "updatedAt": "%2$s",
                  "sourceName": "orderbridge",
                  "sourceIdentifier": "0193a0c4-7a51-7b3e-9d2c-5f8e1a2b3c4d"
                }
                """.formatted(id, updatedAt, note));
    }

    /**
     * Reconciliation as further instances of the service would run it, on this context's feed, stored orders, leases
     * and metrics: each runner has an owner of its own. Part of the context of {@link org.orderbridge.OrderBridgeTest}.
     */
    public static final class Passes {

        private final ShopifyOrderFeed feed;
        private final ReconciledOrders orders;
        private final ShopLeases leases;
        private final ReconciliationMetrics metrics;

        Passes(ShopifyOrderFeed feed, ReconciledOrders orders, ShopLeases leases, ReconciliationMetrics metrics) {
            this.feed = feed;
            this.orders = orders;
            this.leases = leases;
            this.metrics = metrics;
        }

        /** The context's feed, which reads the simulator; a test wraps it to hold up or break a pass. */
        ShopifyOrderFeed feed() {
            return feed;
        }

        /** Makes the shop due at once, on every instance. */
        void requestNow(String shop) {
            leases.requestNow(shop);
        }

        ReconciliationRunner runner(String owner, ReconciliationProperties properties) {
            return runner(owner, feed, properties);
        }

        ReconciliationRunner runner(String owner, ShopifyOrderFeed feed, ReconciliationProperties properties) {
            return new ReconciliationRunner(leases, pass(feed, properties), feed, properties, owner);
        }

        /** What one instance runs: passes of the shops due, and of a shop on request. */
        Reconciliation reconciliation(ReconciliationProperties properties) {
            return new Reconciliation(leases, pass(feed, properties), feed, properties);
        }

        private ReconciliationPass pass(ShopifyOrderFeed feed, ReconciliationProperties properties) {
            return new ReconciliationPass(feed, orders, leases, metrics, properties, Clock.systemUTC());
        }
    }
}
