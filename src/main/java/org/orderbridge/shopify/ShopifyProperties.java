package org.orderbridge.shopify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiVersion the Admin API version every request names (the version the documents are validated against); each
 *     answer's {@code X-Shopify-API-Version} is compared with it
 * @param adminUrl override of the Admin GraphQL endpoint, e.g. a simulator; must contain {@code {shop}} (in the path when
 *                 the host is fixed) so requests for different shops stay apart
 * @param bulkResults where a bulk operation's result may be read from
 */
@Validated
@ConfigurationProperties("orderbridge.shopify")
record ShopifyProperties(
        @DefaultValue("2026-10") @NotBlank String apiVersion,
        String adminUrl,
        AccessTokens accessTokens,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration readTimeout,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull CircuitBreaker circuitBreaker,
        @DefaultValue @Valid @NotNull Budget budget,
        @DefaultValue @Valid @NotNull Inventory inventory,
        @DefaultValue @Valid @NotNull BulkResults bulkResults) {

    static final String DEFAULT_ADMIN_URL = "https://{shop}/admin/api/{version}/graphql.json";

    ShopifyProperties {
        adminUrl = adminUrl == null || adminUrl.isBlank() ? DEFAULT_ADMIN_URL : adminUrl;
        if (!adminUrl.contains("{shop}")) {
            throw new IllegalArgumentException("orderbridge.shopify.admin-url must contain {shop}: " + adminUrl);
        }
        accessTokens = accessTokens == null ? AccessTokens.NONE : accessTokens;
    }

    URI endpointFor(String shopDomain) {
        return URI.create(adminUrl.replace("{shop}", shopDomain).replace("{version}", apiVersion));
    }

    /**
     * @param baseInterval cap of the first backoff; each further attempt doubles it, up to {@code maxInterval}
     * @param maxServerWait longest wait Shopify may impose that a call sits out: a {@code Retry-After}, a THROTTLED
     *     answer's time until affordable, the cost budget's wait for its mirror of the bucket. A longer one ends the
     *     call at once with {@link ShopifyUnavailableException}, whose {@code retryAfterHint} is Shopify's wait, so
     *     that no worker sleeps past its queue message's visibility timeout
     */
    record Retry(
            @DefaultValue("5") @Min(1) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration baseInterval,
            @DefaultValue("20s") @NotNull Duration maxInterval,

            @DefaultValue("20s") @NotNull @DurationMin(millis = 1)
            Duration maxServerWait) {

        static final Duration DEFAULT_MAX_SERVER_WAIT = Duration.ofSeconds(20);

        @ConstructorBinding
        Retry {}

        Retry(int maxAttempts, Duration baseInterval, Duration maxInterval) {
            this(maxAttempts, baseInterval, maxInterval, DEFAULT_MAX_SERVER_WAIT);
        }
    }

    record CircuitBreaker(
            @DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,

            @DefaultValue("10") @Min(1) int slidingWindowSize,
            @DefaultValue("5") @Min(1) int minimumNumberOfCalls,
            @DefaultValue("30s") @NotNull Duration waitInOpenState,
            @DefaultValue("2") @Min(1) int permittedCallsInHalfOpenState) {}

    /**
     * @param bucketSize          Shopify's bucket until the first response tells the real one
     * @param restoreRate         points per second, likewise only a starting value
     * @param safetyMargin        points kept free so that estimates that are slightly off do not hit THROTTLED
     * @param instanceShare       fraction of the shop's bucket this instance may use, for N instances sharing a shop
     * @param initialCostEstimate expected cost of an operation before Shopify has reported its requestedQueryCost
     */
    record Budget(
            @DefaultValue("1000") @Positive double bucketSize,
            @DefaultValue("100") @Positive double restoreRate,
            @DefaultValue("50") @Min(0) double safetyMargin,

            @DefaultValue("1.0") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double instanceShare,

            @DefaultValue("10") @Min(1) int initialCostEstimate) {}

    /**
     * What the shops' orders do to their stock.
     *
     * @param behaviour the shops' behaviour unless {@code shops} names another; obeying the inventory policy by default,
     *     so that an order neither leaves Shopify's stock counting units already sold (Shopify's own default, BYPASS)
     *     nor oversells a variant the merchant does not sell when out of stock
     * @param shops behaviour per shop domain (case-insensitive); a domain holds dots, so it is bound in brackets:
     *     {@code orderbridge.shopify.inventory.shops[acme.myshopify.com]=BYPASS}
     */
    record Inventory(
            @DefaultValue("DECREMENT_OBEYING_POLICY") @NotNull InventoryBehaviour behaviour,

            Map<String, @NotNull InventoryBehaviour> shops) {

        Inventory {
            shops = shops == null
                    ? Map.of()
                    : shops.entrySet().stream()
                            .collect(Collectors.toUnmodifiableMap(
                                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        }

        InventoryBehaviour behaviourFor(String shop) {
            return shops.getOrDefault(shop.toLowerCase(Locale.ROOT), behaviour);
        }
    }

    /**
     * A bulk operation's {@code url} comes from Shopify's answer; it is followed only to Shopify's storage, so that an
     * answer from a compromised or stand-in endpoint cannot point the service at an internal address (the task's
     * metadata endpoint, a database) and have it read what is there. Shopify's bulk operations guide
     * (https://shopify.dev/docs/api/usage/bulk-operations/queries) shows the results on {@code storage.googleapis.com}.
     *
     * @param hosts host names the result may be read from, exactly (case-insensitive)
     * @param plainHttpAllowed {@code http://} too: only for a simulator on this machine
     */
    record BulkResults(
            @DefaultValue("storage.googleapis.com") @NotEmpty Set<@NotBlank String> hosts,

            @DefaultValue("false") boolean plainHttpAllowed) {

        static final BulkResults SHOPIFY = new BulkResults(Set.of("storage.googleapis.com"), false);

        BulkResults {
            hosts = hosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }

        boolean allows(URI url) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            boolean secure = scheme.equals("https") || (plainHttpAllowed && scheme.equals("http"));
            return secure
                    && url.getRawUserInfo() == null
                    && url.getHost() != null
                    && hosts.contains(url.getHost().toLowerCase(Locale.ROOT));
        }
    }
}
