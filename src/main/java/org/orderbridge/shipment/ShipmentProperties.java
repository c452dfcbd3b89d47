package org.orderbridge.shipment;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lease how long one worker owns a shipment; longer than a whole Shopify call with its retries, and renewed
 *     before every create
 * @param releaseInterval how often shipments held for their order are checked for an order that reached Shopify
 * @param heldRecheckInterval how long a HELD shipment (its items on hold or scheduled in Shopify) waits before Shopify
 *     is asked again whether they are open
 */
@Validated
@ConfigurationProperties("orderbridge.shipment")
record ShipmentProperties(
        @DefaultValue("5m") @NotNull Duration lease,
        @DefaultValue("2s") @NotNull Duration releaseInterval,
        @DefaultValue("1m") @NotNull Duration heldRecheckInterval) {}
