package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The version Shopify says served an answer, against the pinned one, and its deprecation notices. */
@Tag("unit")
class ApiVersionHeadersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiVersionHeaders headers = new ApiVersionHeaders("2026-10", meters);

    @Test
    void countsNothingWhenThePinnedVersionServedWithoutDeprecation() {
        headers.observe("a.myshopify.com", ShopifyOperation.CREATE_ORDER, answer("2026-10", null));

        assertThat(countedMeters()).isEmpty();
    }

    @Test
    void showsThePinnedVersionAsAGaugeTag() {
        assertThat(meters.get("orderbridge.shopify.api_version.pinned")
                        .gauge()
                        .getId()
                        .getTag("version"))
                .isEqualTo("2026-10");
    }

    /** The mismatch and deprecation counters; the pinned-version gauge is always there. */
    private java.util.List<io.micrometer.core.instrument.Meter> countedMeters() {
        return meters.getMeters().stream()
                .filter(meter -> !meter.getId().getName().equals("orderbridge.shopify.api_version.pinned"))
                .toList();
    }

    @Test
    void countsAnAnswerServedByAnotherVersionPerShop() {
        headers.observe("a.myshopify.com", ShopifyOperation.CREATE_ORDER, answer("2026-07", null));
        headers.observe("a.myshopify.com", ShopifyOperation.ORDER_SNAPSHOT, answer("2026-07", null));
        headers.observe("b.myshopify.com", ShopifyOperation.ORDER_SNAPSHOT, answer("2026-10", null));

        assertThat(meters.counter(
                                "orderbridge.shopify.api_version.mismatch",
                                "shop",
                                "a.myshopify.com",
                                "served",
                                "2026-07")
                        .count())
                .isEqualTo(2);
        assertThat(meters.find("orderbridge.shopify.api_version.mismatch")
                        .tag("shop", "b.myshopify.com")
                        .counter())
                .isNull();
    }

    @Test
    void countsDeprecatedUsePerShopAndOperation() {
        headers.observe("a.myshopify.com", ShopifyOperation.CREATE_ORDER, answer("2026-10", "Order.foo"));
        headers.observe("a.myshopify.com", ShopifyOperation.CREATE_ORDER, answer("2026-10", "Order.foo"));
        headers.observe("a.myshopify.com", ShopifyOperation.ORDER_SNAPSHOT, answer("2026-10", "Order.bar"));

        assertThat(deprecated("CREATE_ORDER")).isEqualTo(2);
        assertThat(deprecated("ORDER_SNAPSHOT")).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutTheHeaderIsNotAMismatch() {
        headers.observe("a.myshopify.com", ShopifyOperation.CREATE_ORDER, new HttpHeaders());

        assertThat(countedMeters()).isEmpty();
    }

    private double deprecated(String operation) {
        return meters.counter("orderbridge.shopify.deprecated_calls", "shop", "a.myshopify.com", "operation", operation)
                .count();
    }

    private static HttpHeaders answer(String version, String deprecation) {
        var headers = new HttpHeaders();
        headers.add(ApiVersionHeaders.VERSION, version);
        if (deprecation != null) {
            headers.add(ApiVersionHeaders.DEPRECATED_REASON, deprecation);
        }
        return headers;
    }
}
