package org.orderbridge.ops;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pendingPushAfter an order still waiting for its push after this long needs a look (its message may be in the
 *     dead-letter queue)
 * @param rows most orders, shipments and dead letters a page lists
 * @param sampleInterval how often the metrics charts take a sample of this instance's meters
 * @param window how much history the charts keep (in memory, per instance)
 */
@Validated
@ConfigurationProperties("orderbridge.ops")
record OpsProperties(
        @DefaultValue("15m") @NotNull Duration pendingPushAfter,
        @DefaultValue("50") @Min(1) @Max(500) int rows,
        @DefaultValue("10s") @NotNull Duration sampleInterval,
        @DefaultValue("1h") @NotNull Duration window) {

    /** How many samples the window holds. */
    int samples() {
        return (int) Math.max(2, window.toMillis() / Math.max(1, sampleInterval.toMillis()));
    }
}
