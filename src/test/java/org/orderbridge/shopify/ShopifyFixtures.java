package org.orderbridge.shopify;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/** Shared shops, drafts and fast-reacting client settings for tests against the simulator. */
final class ShopifyFixtures {

    static final String SHOP = "acme-test.myshopify.com";
    static final String TOKEN = "shpat_test_token";
    static final ShopifyProperties.Retry FAST_RETRY =
            new ShopifyProperties.Retry(4, Duration.ofMillis(20), Duration.ofMillis(200));
    static final ShopifyProperties.CircuitBreaker LENIENT_BREAKER =
            new ShopifyProperties.CircuitBreaker(50, 20, 20, Duration.ofSeconds(30), 1);
    static final ShopifyProperties.Budget STANDARD_BUDGET = new ShopifyProperties.Budget(1000, 100, 10, 1.0, 10);
    static final ShopifyProperties.Inventory OBEYING_INVENTORY_POLICIES =
            new ShopifyProperties.Inventory(InventoryBehaviour.DECREMENT_OBEYING_POLICY, Map.of());

    private ShopifyFixtures() {}

    static ShopifySimulator simulator() {
        return ShopifySimulator.builder().port(0).shop(SHOP, TOKEN).start();
    }

    static ShopifyProperties properties(ShopifySimulator simulator) {
        return properties(simulator, TOKEN, Duration.ofSeconds(2), FAST_RETRY, LENIENT_BREAKER, STANDARD_BUDGET);
    }

    /** The usual settings, with orders treating stock as {@code inventory} says. */
    static ShopifyProperties properties(ShopifySimulator simulator, ShopifyProperties.Inventory inventory) {
        return new ShopifyProperties(
                "2026-10",
                simulator.adminUrlTemplate(),
                AccessTokens.parse(SHOP + "=" + TOKEN),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                FAST_RETRY,
                LENIENT_BREAKER,
                STANDARD_BUDGET,
                inventory,
                ShopifyProperties.BulkResults.SHOPIFY);
    }

    static ShopifyProperties properties(
            ShopifySimulator simulator,
            String token,
            Duration readTimeout,
            ShopifyProperties.Retry retry,
            ShopifyProperties.CircuitBreaker breaker,
            ShopifyProperties.Budget budget) {
        return new ShopifyProperties(
                "2026-10",
                simulator.adminUrlTemplate(),
                AccessTokens.parse(SHOP + "=" + token),
                Duration.ofSeconds(1),
                readTimeout,
                retry,
                breaker,
                budget,
                OBEYING_INVENTORY_POLICIES,
                ShopifyProperties.BulkResults.SHOPIFY);
    }

    static ShopifyOrders client(ShopifyProperties properties) {
        return client(properties, RetryRegistry.ofDefaults());
    }

    /** A client whose per-shop retries a test can watch through the registry's events. */
    static ShopifyOrders client(ShopifyProperties properties, RetryRegistry retries) {
        return ShopifyConfiguration.assemble(
                properties, RestClient.builder(), new ObjectMapper(), retries, CircuitBreakerRegistry.ofDefaults());
    }

    static OrderDraft draft() {
        return draft(UUID.randomUUID(), "jane.doe@example.com");
    }

    static OrderDraft draft(UUID orderId, String email) {
        var address = new OrderDraft.Address(
                "Jane", "Doe", "Acme GmbH", "Hauptstraße 1", "2. OG", "Berlin", "BE", "10115", "de", "+49301234567");
        return new OrderDraft(
                SHOP,
                orderId,
                email,
                "+49301234567",
                "Jane",
                "Doe",
                address,
                address,
                "eur",
                List.of(
                        new OrderDraft.Line(
                                "SKU-RED-M", 44_012_345_678L, "Red shirt M", 2, new BigDecimal("19.90"), null, null),
                        new OrderDraft.Line(
                                "ENGRAVING", null, "Custom engraving", 1, new BigDecimal("5.00"), false, null)),
                "Leave at the door",
                List.of("orderbridge", "b2b"));
    }

    /**
     * {@link #draft()} with every commercial input: line taxes and a line discount, shipping with its tax, payments, a
     * presentment currency and the B2B and bookkeeping details.
     */
    static OrderDraft commercialDraft() {
        OrderDraft d = draft();
        var vat = new OrderDraft.TaxLine("VAT", new BigDecimal("0.19"), new BigDecimal("7.56"));
        var commercial = new OrderDraft.Commercial(
                List.of(
                        new OrderDraft.LineCharges(new BigDecimal("4.00"), "Trade fair", List.of(vat)),
                        new OrderDraft.LineCharges(null, null, List.of())),
                List.of(new OrderDraft.ShippingLine(
                        "Standard",
                        "STD",
                        new BigDecimal("4.90"),
                        List.of(new OrderDraft.TaxLine("VAT", new BigDecimal("0.19"), new BigDecimal("0.93"))))),
                List.of(),
                false,
                null,
                List.of(
                        new OrderDraft.Transaction("AUTHORIZATION", "manual", new BigDecimal("53.29"), "SUCCESS"),
                        new OrderDraft.Transaction("CAPTURE", null, new BigDecimal("53.29"), "PENDING")),
                null,
                "PO-2026-0042",
                "USD",
                new BigDecimal("1.0825"),
                "gid://shopify/CompanyLocation/1234",
                List.of(new OrderDraft.Attribute("Cost centre", "4711")),
                java.time.Instant.parse("2026-11-01T09:30:00Z"),
                true);
        return withCommercial(d, commercial);
    }

    /** {@link #draft()} with only an order discount code of the type, and taxes on the order. */
    static OrderDraft discountedDraft(String type, BigDecimal value) {
        OrderDraft d = draft();
        var commercial = new OrderDraft.Commercial(
                List.of(),
                List.of(),
                List.of(new OrderDraft.TaxLine("VAT", new BigDecimal("0.19"), new BigDecimal("8.51"))),
                true,
                new OrderDraft.DiscountCode("SPRING", type, value),
                List.of(),
                "PAID",
                null,
                null,
                null,
                null,
                List.of(),
                null,
                false);
        return withCommercial(d, commercial);
    }

    /** The totals the simulator reports for its order, as the client reads them from orderCreate's answer. */
    static ShopifyTotals totals(SimulatedOrder order) {
        var shop = order.totals().shop();
        return new ShopifyTotals(
                shop.subtotal(),
                shop.shipping(),
                shop.tax(),
                shop.discounts(),
                shop.total(),
                order.totals().financialStatus());
    }

    private static OrderDraft withCommercial(OrderDraft d, OrderDraft.Commercial commercial) {
        return new OrderDraft(
                d.shopDomain(),
                d.orderId(),
                d.email(),
                d.phone(),
                d.firstName(),
                d.lastName(),
                d.shippingAddress(),
                d.billingAddress(),
                d.currency(),
                d.lines(),
                d.note(),
                d.tags(),
                commercial);
    }
}
