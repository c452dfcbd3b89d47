package org.orderbridge.shopify;

import io.micrometer.observation.Observation;
import tools.jackson.databind.JsonNode;

/** What a GraphQL request's span says of Shopify's cost accounting ({@code extensions.cost}). */
final class QuerySpans {

    private QuerySpans() {}

    /** Requested and actual cost, and the bucket as Shopify left it; nothing when the response has no cost. */
    static void tagCost(Observation request, JsonNode response) {
        JsonNode cost = response.path("extensions").path("cost");
        tag(request, "shopify.cost.requested", cost.path("requestedQueryCost"));
        tag(request, "shopify.cost.actual", cost.path("actualQueryCost"));
        JsonNode throttle = cost.path("throttleStatus");
        tag(request, "shopify.throttle.currently_available", throttle.path("currentlyAvailable"));
        tag(request, "shopify.throttle.maximum_available", throttle.path("maximumAvailable"));
        tag(request, "shopify.throttle.restore_rate", throttle.path("restoreRate"));
    }

    private static void tag(Observation request, String key, JsonNode value) {
        if (value.isNumber()) {
            request.highCardinalityKeyValue(key, value.asString());
        }
    }
}
