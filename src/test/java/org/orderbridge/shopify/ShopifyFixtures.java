package org.orderbridge.shopify;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.orderbridge.shopify.simulator.ShopifySimulator;
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
                inventory);
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
                OBEYING_INVENTORY_POLICIES);
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
}
