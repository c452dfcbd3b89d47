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
    private final Map<String, Map<String, String>> states = new ConcurrentHashMap<>();

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
     * Per fulfillment-service shop, as this instance last checked it: the service and its location, or the failure.
     * Held in memory because every instance checks every shop itself, and because health must answer without the
     * database (an exhausted pool would hold the answer past the load balancer's timeout).
     */
    Map<String, Object> states() {
        return new TreeMap<>(states);
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
        states.merge(
                shop,
                state(registration, error),
                (before, latest) -> registration == null ? merged(before, latest) : latest);
    }

    private static Map<String, String> state(@Nullable Registration registration, @Nullable String error) {
        var state = new LinkedHashMap<String, String>();
        if (registration != null) {
            state.put("service", registration.serviceGid());
            if (registration.locationGid() != null) {
                state.put("location", registration.locationGid());
            }
        }
        if (error != null) {
            state.put("error", error);
        }
        return Map.copyOf(state);
    }

    /** A failed check keeps the ids found before, as the table does. */
    private static Map<String, String> merged(Map<String, String> before, Map<String, String> failure) {
        var state = new LinkedHashMap<>(before);
        state.remove("error");
        state.putAll(failure);
        return Map.copyOf(state);
    }
}
