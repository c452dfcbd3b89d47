package org.orderbridge.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders and Shopify snapshots built in memory, for the tests of the order aggregate and its storage. */
final class OrderFixtures {

    static final String SHOP = "fixture.myshopify.com";
    static final Instant ACCEPTED_AT = Instant.parse("2026-11-20T10:00:00Z");

    static final Customer ADA = new Customer("ada@example.com", "Ada", "Lovelace", "+44 20 7946 0000");
    static final Address LONDON = new Address(
            "Ada",
            "Lovelace",
            "Analytical Engines Ltd",
            "1 Analytical Way",
            "Flat 2",
            "London",
            "Greater London",
            "LND",
            "N1 9GU",
            "United Kingdom",
            "GB",
            "+44 20 7946 0000");
    static final Address BILLING = new Address(
            "Ada", "Lovelace", null, "12 St James's Square", null, "London", null, null, "SW1Y 4JH", null, "GB", null);
    static final List<LineItem> LINES = List.of(
            new LineItem(null, "ENGINE-1", null, "Difference engine", 2, new BigDecimal("19.90")),
            new LineItem(null, null, 4711L, "Punched card", 3, new BigDecimal("5.05")));

    private OrderFixtures() {}

    /** An order accepted from our API for {@link #SHOP}, waiting to be pushed. */
    static Order accepted() {
        return accepted(SHOP, "ext-" + UUID.randomUUID(), ACCEPTED_AT);
    }

    static Order accepted(String shop, String externalId, Instant now) {
        return Order.accept(
                OrderId.newId(),
                shop,
                externalId,
                ADA,
                LONDON,
                BILLING,
                LINES,
                "GBP",
                "leave at the door",
                List.of("wholesale", "priority"),
                "hash-of-" + externalId,
                now);
    }

    /** An order accepted from our API with nothing optional: no billing address, note or tags. */
    static Order minimal(String shop, String externalId) {
        return Order.accept(
                OrderId.newId(), shop, externalId, ADA, LONDON, null, LINES, "GBP", null, null, "hash", ACCEPTED_AT);
    }

    /** What a Shopify webhook says about an order at {@code updatedAt}. */
    static ShopifyOrderSnapshot snapshot(long shopifyOrderId, Instant updatedAt, String note) {
        return snapshot(SHOP, shopifyOrderId, updatedAt, note, null);
    }

    static ShopifyOrderSnapshot snapshot(
            String shop, long shopifyOrderId, Instant updatedAt, String note, String sourceIdentifier) {
        return snapshot(
                shop,
                shopifyOrderId,
                updatedAt,
                note,
                sourceIdentifier,
                List.of(new LineItem(1L, "MUG-1", 42L, "Mug", 2, new BigDecimal("29.90"))));
    }

    /** What Shopify's webhook says about the order we pushed, with these lines. */
    static ShopifyOrderSnapshot snapshotOfPushed(Order ours, long shopifyOrderId, List<LineItem> lines) {
        return snapshot(
                ours.shopDomain(),
                shopifyOrderId,
                ACCEPTED_AT.plusSeconds(2),
                "pushed",
                ours.id().toString(),
                lines);
    }

    private static ShopifyOrderSnapshot snapshot(
            String shop,
            long shopifyOrderId,
            Instant updatedAt,
            String note,
            String sourceIdentifier,
            List<LineItem> lines) {
        return new ShopifyOrderSnapshot(
                shop,
                shopifyOrderId,
                "gid://shopify/Order/" + shopifyOrderId,
                "#" + shopifyOrderId % 10_000,
                new Customer("jon@example.com", "Jon", "Snow", "+4930123456"),
                7001L,
                new Address("Jon", "Snow", null, "Wall 1", null, "Berlin", null, null, "10115", "Germany", "DE", null),
                new Address("Jon", "Snow", null, "Wall 1", null, "Berlin", null, null, "10115", "Germany", "DE", null),
                lines,
                "EUR",
                new BigDecimal("59.80"),
                "paid",
                null,
                null,
                null,
                note,
                List.of("wholesale"),
                updatedAt,
                "web",
                sourceIdentifier);
    }

    /** The same snapshot of an order that was cancelled in Shopify. */
    static ShopifyOrderSnapshot cancelled(ShopifyOrderSnapshot open, Instant cancelledAt, String reason) {
        return new ShopifyOrderSnapshot(
                open.shopDomain(),
                open.shopifyOrderId(),
                open.shopifyGid(),
                open.name(),
                open.customer(),
                open.shopifyCustomerId(),
                open.shippingAddress(),
                open.billingAddress(),
                open.lineItems(),
                open.currency(),
                open.totalPrice(),
                open.financialStatus(),
                open.fulfillmentStatus(),
                cancelledAt,
                reason,
                open.note(),
                open.tags(),
                open.updatedAt(),
                open.sourceName(),
                open.sourceIdentifier());
    }

    /** An order of either source brought into {@code status} the way production code does. */
    static Order inStatus(OrderStatus status) {
        Instant later = ACCEPTED_AT.plusSeconds(60);
        return switch (status) {
            case PENDING_PUSH -> accepted();
            case PUSHED -> {
                Order order = accepted();
                order.markPushed("gid://shopify/Order/1001", 1001L, "#1001", later);
                yield order;
            }
            case PUSH_FAILED -> {
                Order order = accepted();
                order.markPushFailed("Variant is sold out", later);
                yield order;
            }
            case CANCELLED -> {
                Order order = accepted();
                order.withdraw(null, false, later);
                yield order;
            }
            case SYNCED -> Order.fromShopify(snapshot(2002L, ACCEPTED_AT, "from Shopify"), later);
            case DELETED -> {
                Order order = Order.fromShopify(snapshot(3003L, ACCEPTED_AT, "from Shopify"), later);
                order.markDeletedInShopify(later);
                yield order;
            }
        };
    }
}
