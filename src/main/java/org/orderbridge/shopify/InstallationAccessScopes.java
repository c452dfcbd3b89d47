package org.orderbridge.shopify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** {@link ShopifyAccessScopes} over {@code currentAppInstallation}. */
final class InstallationAccessScopes implements ShopifyAccessScopes {

    private static final Duration BUDGET = Duration.ofSeconds(30);

    private final ShopifyProperties properties;
    private final AdminGraphqlTransport transport;
    private final ShopifyResilience resilience;

    InstallationAccessScopes(
            ShopifyProperties properties, AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.properties = properties;
        this.transport = transport;
        this.resilience = resilience;
    }

    @Override
    public List<String> shops() {
        return properties.accessTokens().byShop().keySet().stream().sorted().toList();
    }

    @Override
    public Set<String> granted(String shop) {
        try {
            var granted = new TreeSet<String>();
            read(shop).forEach(scope -> granted.add(scope.path("handle").asString()));
            return granted;
        } catch (PermanentShopifyFailure e) {
            throw new ShopifyUnavailableException("Access scopes of " + shop + " unknown: " + e.getMessage(), null, e);
        }
    }

    /** {@link ShopifyInstallations#installation}, over the same read as the scopes. */
    ShopifyInstallations.Installation installation(String shop) {
        if (properties.accessTokens().tokenFor(shop).isEmpty()) {
            return ShopifyInstallations.Installation.NOT_CONNECTED;
        }
        try {
            read(shop);
            return ShopifyInstallations.Installation.INSTALLED;
        } catch (PermanentShopifyFailure e) {
            if (e.isTokenRefused()) {
                return ShopifyInstallations.Installation.UNINSTALLED;
            }
            throw new ShopifyUnavailableException("Installation in " + shop + " unknown: " + e.getMessage(), null, e);
        }
    }

    private JsonNode read(String shop) {
        Deadline deadline = Deadline.after(BUDGET);
        return resilience.call(
                shop,
                "Access scopes of " + shop,
                () -> transport
                        .execute(shop, ShopifyOperation.READ_ACCESS_SCOPES, Map.of(), deadline)
                        .path("currentAppInstallation")
                        .path("accessScopes"));
    }
}
