package org.orderbridge.platform.http;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One token bucket per API key, sized by the key's role, so that one client sending too much is answered 429
 * while every other key goes on as before. The buckets live in this instance's memory (see docs/architecture.md
 * for what that means with several instances). Requests without a valid key are not counted: they are refused
 * with 401 anyway, and counting them would let anyone exhaust a key's allowance.
 */
class ApiRateLimitFilter extends ApiRequestFilter {

    private final Map<String, Limited> keys = new HashMap<>();
    private final ProblemSecurityHandlers problems;

    ApiRateLimitFilter(ApiKeyProperties properties, ProblemSecurityHandlers problems, MeterRegistry meters) {
        for (ApiKeyProperties.ApiKey key : properties.keys()) {
            ApiKeyProperties.RateLimit limit = properties.rateLimit(key.role());
            Bucket bucket = Bucket.builder()
                    .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                    .build();
            Counter refused = Counter.builder("orderbridge.api.rate.limited")
                    .description("API requests refused with 429 because the key exceeded its role's rate limit")
                    .tag("key", key.name())
                    .register(meters);
            this.keys.put(key.name(), new Limited(bucket, limit, refused));
        }
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Limited limited = authentication == null ? null : keys.get(authentication.getName());
        if (limited == null) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        limited.refused().increment();
        long retryAfter =
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problems.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "This API key sent more than its " + limited.limit().perSecond() + " requests per second (bursts "
                        + "up to " + limited.limit().burst() + "); retry after " + retryAfter + " s");
    }

    private record Limited(Bucket bucket, ApiKeyProperties.RateLimit limit, Counter refused) {}
}
