package org.orderbridge.shipment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lease how long one worker owns a shipment; longer than a whole Shopify call with its retries, and renewed
 *     before every create
 * @param releaseInterval how often shipments held for their order are checked for an order that reached Shopify
 * @param heldRecheckInterval how long a HELD shipment (its items on hold or scheduled in Shopify) waits before Shopify
 *     is asked again whether they are open
 * @param locations per shop, the warehouse codes a shipment may name as its {@code location}, each with its Shopify
 *     location gid ({@code gid://shopify/Location/…})
 */
@Validated
@ConfigurationProperties("orderbridge.shipment")
record ShipmentProperties(
        @DefaultValue("5m") @NotNull Duration lease,
        @DefaultValue("2s") @NotNull Duration releaseInterval,
        @DefaultValue("1m") @NotNull Duration heldRecheckInterval,
        @Nullable Map<String, Map<String, @Pattern(regexp = "gid://shopify/Location/\\d+") String>> locations) {

    ShipmentProperties {
        locations = locations == null ? Map.of() : Map.copyOf(locations);
    }

    /** The Shopify location gid of a shop's warehouse code, if configured. */
    Optional<String> location(String shop, String code) {
        return Optional.ofNullable(
                Objects.requireNonNull(locations).getOrDefault(shop, Map.of()).get(code));
    }
}
