package org.orderbridge.access;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.orderbridge.shopify.FulfillmentServiceProperties;
import org.orderbridge.shopify.ShopifyAccessScopes;
import org.orderbridge.shopify.ShopifyFeature;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The connected shops' granted scopes against each feature's needs, as last read. Per shop and feature, the gauge
 * {@code orderbridge.shopify.scopes.missing} counts the scopes the shop did not grant.
 */
@Service
public class AccessScopes {

    private static final Logger log = LoggerFactory.getLogger(AccessScopes.class);

    private final ShopifyAccessScopes shopify;
    private final FulfillmentServiceProperties fulfillmentService;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, ShopAccess> byShop = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    AccessScopes(
            ShopifyAccessScopes shopify,
            FulfillmentServiceProperties fulfillmentService,
            MeterRegistry meters,
            Clock clock,
            ApplicationEventPublisher events) {
        this.shopify = shopify;
        this.fulfillmentService = fulfillmentService;
        this.meters = meters;
        this.clock = clock;
        this.events = events;
    }

    /** Every connected shop as last checked, by domain. */
    public List<ShopAccess> shops() {
        return byShop.values().stream()
                .sorted(Comparator.comparing(ShopAccess::shop))
                .toList();
    }

    /** The shops that lack a scope some feature needs. */
    public List<ShopAccess> lacking() {
        return shops().stream().filter(ShopAccess::lacksScopes).toList();
    }

    /**
     * Reads every connected shop's granted scopes once.
     *
     * @return whether every shop could be read
     */
    boolean checkAll() {
        boolean allRead = true;
        for (String shop : shopify.shops()) {
            allRead &= check(shop);
        }
        byShop.keySet().retainAll(Set.copyOf(shopify.shops()));
        return allRead;
    }

    boolean check(String shop) {
        try {
            var askedAt = clock.instant();
            Set<String> granted = shopify.granted(shop);
            // A token Shopify accepts is the only sign of an installation: a shop that left and came back learns here.
            events.publishEvent(new AppInstallationConfirmed(shop, askedAt));
            var missing = new EnumMap<ShopifyFeature, List<String>>(ShopifyFeature.class);
            boolean serviceMode = fulfillmentService.isServiceMode(shop);
            for (ShopifyFeature feature : ShopifyFeature.values()) {
                if (!feature.usedIn(serviceMode)) {
                    continue;
                }
                List<String> lacking = feature.missingFrom(granted);
                if (!lacking.isEmpty()) {
                    missing.put(feature, lacking);
                }
            }
            ShopAccess previous = byShop.put(shop, new ShopAccess(shop, Map.copyOf(missing), clock.instant(), null));
            if (!missing.isEmpty() && (previous == null || !previous.missing().equals(missing))) {
                log.warn("Shop {} has not granted scopes its features need: {}", shop, missing);
            }
            gauge(shop);
            return true;
        } catch (ShopifyUnavailableException e) {
            ShopAccess previous = byShop.get(shop);
            byShop.put(
                    shop,
                    new ShopAccess(
                            shop,
                            previous == null ? Map.of() : previous.missing(),
                            previous == null ? null : previous.checkedAt(),
                            e.getMessage()));
            log.warn("Access scopes of shop {} could not be read: {}", shop, e.getMessage());
            return false;
        }
    }

    private void gauge(String shop) {
        if (!gauged.add(shop)) {
            return;
        }
        for (ShopifyFeature feature : ShopifyFeature.values()) {
            if (feature.scopes().isEmpty()) {
                continue;
            }
            Gauge.builder("orderbridge.shopify.scopes.missing", this, scopes -> scopes.missingCount(shop, feature))
                    .description("Access scopes a feature needs that the shop has not granted")
                    .tag("shop", shop)
                    .tag("feature", feature.name())
                    .register(meters);
        }
    }

    private double missingCount(String shop, ShopifyFeature feature) {
        ShopAccess access = byShop.get(shop);
        return access == null
                ? 0
                : access.missing().getOrDefault(feature, List.of()).size();
    }
}
