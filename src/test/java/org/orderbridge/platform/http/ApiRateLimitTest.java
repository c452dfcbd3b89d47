package org.orderbridge.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-key rate limits in the security chain as production wires it, in front of stand-ins for an API operation and
 * the webhook endpoint. Read keys may send 1 request per second with bursts of 3; each test uses its own key,
 * because the buckets live as long as the application context.
 */
@WebMvcTest(
        controllers = ApiRateLimitTest.Endpoints.class,
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.orderbridge\\.(?!platform\\.).*"),
        properties = {
            "orderbridge.security.api-keys=busy:read:busy-read-key-00001,greedy:read:greedy-read-key-0001,"
                    + "calm:read:calm-read-key-00001,writer:write:writer-key-0000001,hooked:read:hooked-read-key-0001",
            "orderbridge.security.rate-limits.read.per-second=1",
            "orderbridge.security.rate-limits.read.burst=3"
        })
@Tag("slice")
@Import({
    ApiSecurityTestConfiguration.class,
    WebhookRouteStandIn.class,
    ApiRateLimitTest.Endpoints.class,
    SimpleMeterRegistry.class
})
class ApiRateLimitTest {

    private static final int BURST = 3;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MeterRegistry meters;

    @Test
    void answers429WithRetryAfterOnceTheKeyExceedsItsLimit() {
        int allowed = requestsUntilRefused("busy-read-key-00001");

        assertThat(allowed).isGreaterThanOrEqualTo(BURST);
        MvcTestResult refused = list("busy-read-key-00001");
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused).headers().hasValue("Retry-After", "1");
        assertThat(refused).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.status").isEqualTo(429);
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("1 requests per second");
        assertThat(meters.get("orderbridge.api.rate.limited")
                        .tag("key", "busy")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void leavesOtherKeysAlone() {
        requestsUntilRefused("greedy-read-key-0001");

        assertThat(list("calm-read-key-00001")).hasStatusOk();
        assertThat(list("writer-key-0000001")).hasStatusOk();
        assertThat(list("greedy-read-key-0001")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void doesNotLimitTheWebhookEndpoint() {
        requestsUntilRefused("hooked-read-key-0001");

        for (int i = 0; i < 4 * BURST; i++) {
            assertThat(mvc.post().uri("/webhooks/shopify").header("X-API-Key", "hooked-read-key-0001"))
                    .hasStatusOk();
        }
    }

    @Test
    void countsNoRequestWithoutAValidKey() {
        for (int i = 0; i < 4 * BURST; i++) {
            assertThat(list("not-a-key-of-ours-000")).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(mvc.get().uri("/api/v1/orders")).hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }

    /** Sends requests with the key until one is refused; returns how many were answered before. */
    private int requestsUntilRefused(String key) {
        for (int sent = 0; sent < 50; sent++) {
            MvcTestResult result = list(key);
            if (result.getResponse().getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                return sent;
            }
            assertThat(result).hasStatusOk();
        }
        throw new AssertionError("50 requests in a row were not limited");
    }

    private MvcTestResult list(String key) {
        return mvc.get().uri("/api/v1/orders").header("X-API-Key", key).exchange();
    }

    @RestController
    static class Endpoints {

        @GetMapping("/api/v1/orders")
        String orders() {
            return "[]";
        }

        @PostMapping("/webhooks/shopify")
        ResponseEntity<Void> webhook() {
            return ResponseEntity.ok().build();
        }
    }
}
