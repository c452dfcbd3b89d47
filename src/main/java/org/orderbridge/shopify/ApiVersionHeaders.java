package org.orderbridge.shopify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * What Shopify says of the API version in every Admin answer: {@code X-Shopify-API-Version}, the version that served
 * the request (Shopify falls back to the oldest supported one when the requested version is no longer supported,
 * https://shopify.dev/docs/api/usage/versioning), and {@code X-Shopify-API-Deprecated-Reason}, set when the request
 * used something deprecated (since 2025-04 it names what:
 * https://shopify.dev/changelog/graphql-return-actual-deprecation-reasons). A version other than the pinned one is
 * logged once per shop and counted; deprecated use is counted per shop and operation, and logged once for each.
 */
final class ApiVersionHeaders {

    static final String VERSION = "X-Shopify-API-Version";
    static final String DEPRECATED_REASON = "X-Shopify-API-Deprecated-Reason";

    private static final Logger log = LoggerFactory.getLogger(ApiVersionHeaders.class);

    private final String pinned;
    private final MeterRegistry meters;
    private final Set<String> mismatchLogged = ConcurrentHashMap.newKeySet();
    private final Set<String> deprecationLogged = ConcurrentHashMap.newKeySet();

    ApiVersionHeaders(String pinned, MeterRegistry meters) {
        this.pinned = pinned;
        this.meters = meters;
        // An info gauge: the version is its tag, so a dashboard or the ops console can show what is pinned.
        Gauge.builder("orderbridge.shopify.api_version.pinned", () -> 1)
                .tag("version", pinned)
                .description("The Admin API version every request names (orderbridge.shopify.api-version)")
                .register(meters);
    }

    void observe(String shop, ShopifyOperation operation, HttpHeaders headers) {
        String served = headers.getFirst(VERSION);
        if (served != null && !served.equals(pinned)) {
            meters.counter("orderbridge.shopify.api_version.mismatch", "shop", shop, "served", served)
                    .increment();
            if (mismatchLogged.add(shop)) {
                log.warn(
                        "Shopify served {} with API version {}, not the pinned {} (orderbridge.shopify.api-version): "
                                + "the pinned version is no longer supported there; upgrade it",
                        shop,
                        served,
                        pinned);
            }
        }
        String deprecated = headers.getFirst(DEPRECATED_REASON);
        if (deprecated != null) {
            meters.counter("orderbridge.shopify.deprecated_calls", "shop", shop, "operation", operation.name())
                    .increment();
            if (deprecationLogged.add(shop + " " + operation)) {
                log.warn("Shopify reports deprecated use in {} for {}: {}", operation, shop, deprecated);
            }
        }
    }
}
