package org.orderbridge.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.FulfillmentServiceProperties;
import org.orderbridge.shopify.ShopifyAccessScopes;
import org.orderbridge.shopify.ShopifyFeature;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.springframework.boot.health.contributor.Status;

/** Each shop's granted scopes against the features' needs: per shop and feature, never the instance DOWN. */
@Tag("unit")
class AccessScopesCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String FULL = "full.myshopify.com";
    private static final String PARTIAL = "partial.myshopify.com";

    private final Map<String, Set<String>> granted = new HashMap<>();
    private final Map<String, RuntimeException> failing = new HashMap<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Object> confirmed = new ArrayList<>();
    private final AccessScopes scopes = new AccessScopes(
            new ShopifyAccessScopes() {
                @Override
                public List<String> shops() {
                    return List.of(FULL, PARTIAL);
                }

                @Override
                public Set<String> granted(String shop) {
                    if (failing.containsKey(shop)) {
                        throw failing.get(shop);
                    }
                    return granted.get(shop);
                }
            },
            new FulfillmentServiceProperties(
                    Map.of(
                            FULL,
                            new FulfillmentServiceProperties.Shop(
                                    FulfillmentServiceProperties.Mode.FULFILLMENT_SERVICE,
                                    "Warehouse",
                                    java.net.URI.create("https://orders.example.com/fs"),
                                    FulfillmentServiceProperties.AcceptRule.AUTO)),
                    java.time.Duration.ofHours(1),
                    java.time.Duration.ofMinutes(5)),
            meters,
            Clock.fixed(NOW, ZoneOffset.UTC),
            confirmed::add);

    @Test
    void aFulfillmentServiceShopNeedsItsModesScopesAndAMerchantManagedShopDoesNot() {
        granted.put(
                FULL,
                Set.of(
                        "write_orders",
                        "read_customers",
                        "read_products",
                        "read_locations",
                        "write_merchant_managed_fulfillment_orders"));
        granted.put(
                PARTIAL,
                Set.of(
                        "write_orders",
                        "read_customers",
                        "read_products",
                        "read_locations",
                        "write_merchant_managed_fulfillment_orders"));

        assertThat(scopes.checkAll()).isTrue();

        assertThat(scopes.lacking()).singleElement().satisfies(shop -> {
            assertThat(shop.shop()).isEqualTo(FULL);
            assertThat(shop.missing())
                    .containsOnlyKeys(ShopifyFeature.FULFILLMENT_SERVICE)
                    .containsEntry(
                            ShopifyFeature.FULFILLMENT_SERVICE,
                            List.of("write_assigned_fulfillment_orders", "write_fulfillments"));
        });
    }

    @Test
    void reportsTheScopesEachFeatureOfAShopLacksAndStaysUp() {
        granted.put(FULL, ShopifyFeature.allScopes());
        granted.put(PARTIAL, Set.of("write_orders", "read_customers", "read_products"));

        assertThat(scopes.checkAll()).isTrue();

        assertThat(scopes.lacking()).singleElement().satisfies(shop -> {
            assertThat(shop.shop()).isEqualTo(PARTIAL);
            assertThat(shop.missing())
                    .containsOnlyKeys(ShopifyFeature.FULFILLMENT)
                    .containsEntry(
                            ShopifyFeature.FULFILLMENT,
                            List.of("read_locations", "write_merchant_managed_fulfillment_orders"));
            assertThat(shop.checkedAt()).isEqualTo(NOW);
        });
        assertThat(gauge(PARTIAL, ShopifyFeature.FULFILLMENT)).isEqualTo(2);
        assertThat(gauge(PARTIAL, ShopifyFeature.ORDER_PUSH)).isZero();
        assertThat(gauge(FULL, ShopifyFeature.FULFILLMENT)).isZero();
        var health = new AccessScopeHealth(scopes).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("missingScopes");
        @SuppressWarnings("unchecked")
        Map<String, Object> missing = (Map<String, Object>) health.getDetails().get("missingScopes");
        assertThat(missing).containsOnlyKeys(PARTIAL);
    }

    @Test
    void aScopeGrantedLaterClearsTheShopAtTheNextCheck() {
        granted.put(FULL, ShopifyFeature.allScopes());
        granted.put(PARTIAL, Set.of("read_orders"));
        scopes.checkAll();

        granted.put(PARTIAL, ShopifyFeature.allScopes());
        scopes.checkAll();

        assertThat(scopes.lacking()).isEmpty();
        assertThat(gauge(PARTIAL, ShopifyFeature.ORDER_PUSH)).isZero();
        assertThat(new AccessScopeHealth(scopes).health().getDetails()).doesNotContainKey("missingScopes");
    }

    @Test
    void aShopThatCannotBeReadKeepsWhatWasLastKnownAndSaysWhy() {
        granted.put(FULL, ShopifyFeature.allScopes());
        granted.put(PARTIAL, Set.of("read_orders"));
        scopes.checkAll();
        failing.put(PARTIAL, new ShopifyUnavailableException("HTTP 503", null, null));

        assertThat(scopes.checkAll()).isFalse();

        ShopAccess partial = scopes.lacking().getFirst();
        assertThat(partial.failure()).contains("HTTP 503");
        assertThat(partial.missing()).containsKey(ShopifyFeature.ORDER_PUSH);
        assertThat(scopes.shops()).hasSize(2);
    }

    @Test
    void confirmsTheInstallationOfEachShopWhoseTokenShopifyAcceptsAndNoOther() {
        granted.put(FULL, Set.of("read_orders"));
        failing.put(PARTIAL, new ShopifyUnavailableException("token refused (HTTP 401)", null, null));

        scopes.checkAll();

        assertThat(confirmed).containsExactly(new AppInstallationConfirmed(FULL, NOW));
    }

    private double gauge(String shop, ShopifyFeature feature) {
        return meters.get("orderbridge.shopify.scopes.missing")
                .tag("shop", shop)
                .tag("feature", feature.name())
                .gauge()
                .value();
    }
}
