package org.orderbridge.fulfillmentservice;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.orderbridge.shopify.FulfillmentServiceProperties;
import org.orderbridge.shopify.ShopifyFulfillmentService;
import org.orderbridge.shopify.ShopifyFulfillmentService.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each fulfillment-service shop registered: the app's service of the configured name is looked up first and
 * registered only when Shopify has none ({@code fulfillmentServiceCreate}), so that checks on several instances, or after
 * a create whose answer was lost, never make a second one (Shopify also refuses a second of one name). The service's and
 * its location's ids are kept in {@code fulfillment_service_registration}. A failure is recorded there, shown in the
 * health details and the gauge {@code orderbridge.fulfillment_service.registered}, and tried again at the next check; it
 * stops nothing else.
 */
@Component
class FulfillmentServiceRegistrations {

    private static final Logger log = LoggerFactory.getLogger(FulfillmentServiceRegistrations.class);

    private final ShopifyFulfillmentService shopify;
    private final FulfillmentServiceProperties properties;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, AtomicInteger> registered = new ConcurrentHashMap<>();

    FulfillmentServiceRegistrations(
            ShopifyFulfillmentService shopify,
            FulfillmentServiceProperties properties,
            JdbcClient jdbc,
            MeterRegistry meters,
            Clock clock) {
        this.shopify = shopify;
        this.properties = properties;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    /** Checks every fulfillment-service shop; one shop's failure does not stop the others. */
    void checkAll() {
        properties.shops().forEach((shop, settings) -> {
            if (settings.mode() == FulfillmentServiceProperties.Mode.FULFILLMENT_SERVICE) {
                check(shop, settings);
            }
        });
    }

    /** @return the registration, or empty when it failed (recorded) */
    Optional<Registration> check(String shop, FulfillmentServiceProperties.Shop settings) {
        try {
            Registration registration =
                    shopify.find(shop, settings.serviceName()).orElseGet(() -> register(shop, settings));
            record(shop, settings.serviceName(), registration, null);
            return Optional.of(registration);
        } catch (RuntimeException e) {
            log.warn("Fulfillment service of {} not registered, again at the next check: {}", shop, e.getMessage());
            record(shop, settings.serviceName(), null, String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Another instance may have registered it since this one looked: Shopify then refuses the name as taken, and a second
     * look finds that instance's service.
     */
    private Registration register(String shop, FulfillmentServiceProperties.Shop settings) {
        log.info("Registering fulfillment service {} in {}", settings.serviceName(), shop);
        try {
            return shopify.register(shop, settings.serviceName(), String.valueOf(settings.callbackUrl()));
        } catch (IllegalStateException refused) {
            return shopify.find(shop, settings.serviceName()).orElseThrow(() -> refused);
        }
    }

    /** The service's location, as last registered. */
    Optional<String> location(String shop) {
        return jdbc.sql("select location_gid from fulfillment_service_registration where shop = ?"
                        + " and location_gid is not null")
                .param(shop)
                .query(String.class)
                .optional();
    }

    /**
     * Per fulfillment-service shop: registered or the last failure. A row may hold neither (the service is known but
     * not yet its location), so only what is there is shown.
     */
    Map<String, Object> states() {
        var states = new TreeMap<String, Object>();
        jdbc.sql("select shop, service_gid, location_gid, last_error from fulfillment_service_registration")
                .query((rs, row) -> {
                    var state = new LinkedHashMap<String, String>();
                    putIfPresent(state, "service", rs.getString("service_gid"));
                    putIfPresent(state, "location", rs.getString("location_gid"));
                    putIfPresent(state, "error", rs.getString("last_error"));
                    states.put(rs.getString("shop"), state);
                    return row;
                })
                .list();
        return states;
    }

    private static void putIfPresent(Map<String, String> state, String key, @Nullable String value) {
        if (value != null) {
            state.put(key, value);
        }
    }

    private void record(String shop, String name, @Nullable Registration registration, @Nullable String error) {
        Timestamp now = Timestamp.from(clock.instant());
        if (registration != null) {
            jdbc.sql("insert into fulfillment_service_registration"
                            + " (shop, name, service_gid, location_gid, checked_at, last_error)"
                            + " values (?, ?, ?, ?, ?, null) on conflict (shop) do update set name = excluded.name,"
                            + " service_gid = excluded.service_gid, location_gid = excluded.location_gid,"
                            + " checked_at = excluded.checked_at, last_error = null")
                    .params(java.util.Arrays.asList(
                            shop, name, registration.serviceGid(), registration.locationGid(), now))
                    .update();
        } else {
            // A failed check keeps the ids found before: the service is still there, only this look failed.
            jdbc.sql("insert into fulfillment_service_registration (shop, name, checked_at, last_error)"
                            + " values (?, ?, ?, ?) on conflict (shop) do update set checked_at = excluded.checked_at,"
                            + " last_error = excluded.last_error")
                    .params(java.util.Arrays.asList(shop, name, now, error))
                    .update();
        }
        registered
                .computeIfAbsent(
                        shop,
                        s -> meters.gauge(
                                "orderbridge.fulfillment_service.registered", Tags.of("shop", s), new AtomicInteger()))
                .set(registration == null ? 0 : 1);
    }
}
