package org.orderbridge.access;

import java.util.LinkedHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Always up: a scope a shop has not granted is that shop's problem, which a person fixes in its admin, not a reason to
 * take this instance out of service. The details name each shop that lacks scopes, per feature.
 */
@Component("shopifyScopes")
class AccessScopeHealth implements HealthIndicator {

    private final AccessScopes scopes;

    AccessScopeHealth(AccessScopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public Health health() {
        var lacking = new LinkedHashMap<String, Object>();
        scopes.lacking().forEach(shop -> lacking.put(shop.shop(), shop.missing()));
        var health = Health.up().withDetail("shopsChecked", scopes.shops().size());
        return lacking.isEmpty()
                ? health.build()
                : health.withDetail("missingScopes", lacking).build();
    }
}
