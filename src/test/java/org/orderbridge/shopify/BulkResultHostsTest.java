package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderbridge.shopify.ShopifyBulkQueries.BulkQueryRefused;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/** A bulk operation's result is read only over HTTPS from Shopify's storage, whatever URL an answer names. */
@Tag("unit")
class BulkResultHostsTest {

    private static final ShopifyProperties.BulkResults SHOPIFY = ShopifyProperties.BulkResults.SHOPIFY;

    @Test
    void shopifysStorageOverHttpsIsRead() {
        assertThat(
                        SHOPIFY.allows(
                                URI.create(
                                        "https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/bulk-operation-outputs/x.jsonl")))
                .isTrue();
        assertThat(SHOPIFY.allows(URI.create("https://Storage.GoogleAPIs.com/x.jsonl")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://storage.googleapis.com/x.jsonl",
                "https://storage.googleapis.com.attacker.example/x.jsonl",
                "https://attacker.example/storage.googleapis.com/x.jsonl",
                "https://169.254.170.2/v2/credentials",
                "http://127.0.0.1:8089/bulk/1.jsonl",
                "https://user@storage.googleapis.com/x.jsonl",
                "file:///etc/passwd",
                "ftp://storage.googleapis.com/x.jsonl"
            })
    void anythingElseIsRefused(String url) {
        assertThat(SHOPIFY.allows(URI.create(url))).isFalse();
    }

    @Test
    void aLocalSimulatorIsReadOnlyWhenConfigured() {
        var local = new ShopifyProperties.BulkResults(Set.of("127.0.0.1"), true);
        assertThat(local.allows(URI.create("http://127.0.0.1:8089/bulk/1.jsonl")))
                .isTrue();
        assertThat(local.allows(URI.create("http://localhost:8089/bulk/1.jsonl")))
                .isFalse();
    }

    @Test
    void theClientRefusesAResultUrlOutsideTheAllowedHostsBeforeConnecting() {
        ShopifyBulkQueries bulk = ShopifyConfiguration.client(
                        properties(SHOPIFY),
                        RestClient.builder(),
                        new ObjectMapper(),
                        RetryRegistry.ofDefaults(),
                        CircuitBreakerRegistry.ofDefaults(),
                        new SimpleMeterRegistry(),
                        ObservationRegistry.NOOP)
                .bulkQueries();

        assertThatThrownBy(() -> bulk.openResult(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(BulkQueryRefused.class)
                .hasMessageContaining("http://169.254.169.254")
                .hasMessageContaining("orderbridge.shopify.bulk-results");
    }

    private static ShopifyProperties properties(ShopifyProperties.BulkResults bulkResults) {
        return new ShopifyProperties(
                "2026-10",
                null,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                ShopifyFixtures.FAST_RETRY,
                ShopifyFixtures.LENIENT_BREAKER,
                ShopifyFixtures.STANDARD_BUDGET,
                ShopifyFixtures.OBEYING_INVENTORY_POLICIES,
                bulkResults);
    }
}
