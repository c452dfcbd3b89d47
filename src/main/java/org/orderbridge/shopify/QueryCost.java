package org.orderbridge.shopify;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Shopify's {@code extensions.cost} of one response. */
record QueryCost(double requestedQueryCost, ThrottleStatus throttleStatus) {

    record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {}

    static Optional<QueryCost> from(JsonNode response) {
        JsonNode cost = response.path("extensions").path("cost");
        JsonNode status = cost.path("throttleStatus");
        if (!cost.path("requestedQueryCost").isNumber()
                || !status.path("restoreRate").isNumber()) {
            return Optional.empty();
        }
        return Optional.of(new QueryCost(
                cost.path("requestedQueryCost").asDouble(),
                new ThrottleStatus(
                        status.path("maximumAvailable").asDouble(),
                        status.path("currentlyAvailable").asDouble(),
                        status.path("restoreRate").asDouble())));
    }

    /** How long until the bucket holds enough for this request again. */
    Duration timeUntilAffordable() {
        double missing = Math.max(0, requestedQueryCost - throttleStatus.currentlyAvailable());
        return Duration.ofNanos((long) Math.ceil(missing / throttleStatus.restoreRate() * 1e9));
    }
}
