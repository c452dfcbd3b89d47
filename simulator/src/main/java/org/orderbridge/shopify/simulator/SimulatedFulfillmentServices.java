package org.orderbridge.shopify.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fulfillment services the app registered in each shop, as {@code fulfillmentServiceCreate} makes them
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentServiceCreate): each gets a location of its own,
 * named after it, to which fulfillment orders are assigned; a name is required and unique within the shop, and the
 * service's handle is the name made a handle. {@code shop.fulfillmentServices} lists them and
 * {@code fulfillmentService(id:)} reads one (https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentService).
 */
public final class SimulatedFulfillmentServices {

    private final Map<String, List<Service>> byShop = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(7_000);

    /** A registered service and the location Shopify made for it. */
    public record Service(String id, String name, String handle, String callbackUrl, String locationGid) {

        Map<String, Object> asGraphql() {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", id);
            map.put("serviceName", name);
            map.put("handle", handle);
            map.put("callbackUrl", callbackUrl);
            map.put("inventoryManagement", false);
            map.put("trackingSupport", true);
            map.put("requiresShippingMethod", false);
            map.put("fulfillmentOrdersOptIn", true);
            map.put("type", "THIRD_PARTY");
            map.put("location", Map.of("id", locationGid, "name", name));
            return map;
        }
    }

    public synchronized List<Service> services(String shop) {
        return List.copyOf(byShop.getOrDefault(key(shop), List.of()));
    }

    /** Whether the location belongs to one of the app's services in the shop. */
    public synchronized boolean isServiceLocation(String shop, String locationGid) {
        return byShop.getOrDefault(key(shop), List.of()).stream()
                .anyMatch(s -> s.locationGid().equals(locationGid));
    }

    synchronized Optional<Service> service(String shop, String id) {
        return byShop.getOrDefault(key(shop), List.of()).stream()
                .filter(s -> s.id().equals(id))
                .findFirst();
    }

    synchronized SimulatedStore.Result<Map<String, Object>> create(String shop, String name, Object callbackUrl) {
        if (name == null || name.isBlank()) {
            return refused("name", "Name can't be blank");
        }
        List<Service> services = byShop.computeIfAbsent(key(shop), s -> new ArrayList<>());
        if (services.stream().anyMatch(s -> s.name().equalsIgnoreCase(name.strip()))) {
            return refused("name", "Name has already been taken");
        }
        long id = ids.incrementAndGet();
        var service = new Service(
                "gid://shopify/FulfillmentService/" + id,
                name.strip(),
                name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                callbackUrl == null ? null : callbackUrl.toString(),
                "gid://shopify/Location/" + (90_000 + id));
        services.add(service);
        return new SimulatedStore.Result<>(service.asGraphql(), null);
    }

    private static SimulatedStore.Result<Map<String, Object>> refused(String field, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", List.of(field));
        error.put("message", message);
        return new SimulatedStore.Result<>(null, error);
    }

    private static String key(String shop) {
        return shop.toLowerCase(Locale.ROOT);
    }
}
