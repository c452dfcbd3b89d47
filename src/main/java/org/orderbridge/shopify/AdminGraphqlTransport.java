package org.orderbridge.shopify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One POST to the Admin GraphQL endpoint, charged against the cost budget, with every outcome sorted into data,
 * {@link TransientShopifyFailure} (ambiguous or not) or {@link PermanentShopifyFailure}.
 */
final class AdminGraphqlTransport {

    private static final String TOKEN_HEADER = "X-Shopify-Access-Token";

    private final RestClient http;
    private final ShopifyProperties properties;
    private final CostBudget budget;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final ApiVersionHeaders versionHeaders;

    AdminGraphqlTransport(
            RestClient http,
            ShopifyProperties properties,
            CostBudget budget,
            ObjectMapper json,
            MeterRegistry meters,
            ObservationRegistry observations) {
        this.http = http;
        this.observations = observations;
        this.properties = properties;
        this.budget = budget;
        this.json = json;
        this.meters = meters;
        this.versionHeaders = new ApiVersionHeaders(properties.apiVersion(), meters);
    }

    /**
     * Returns the {@code data} object of a response without GraphQL errors. Sends only if the request, and any wait
     * for the cost budget before it, can be over by the deadline.
     *
     * @throws CallCutShort when they cannot, or when the budget's wait exceeds {@code retry.max-server-wait}; nothing
     *     is sent then
     */
    JsonNode execute(String shop, ShopifyOperation operation, Map<String, ?> variables, Deadline deadline) {
        // The request's span: the cost budget's wait, Shopify's cost and throttle state; the HTTP client span is its
        // child.
        Observation span = Observation.createNotStarted("orderbridge.shopify.graphql", observations)
                .contextualName("shopify " + operation.name())
                .lowCardinalityKeyValue("shopify.operation", operation.name())
                .highCardinalityKeyValue("shopify.shop", shop);
        return span.observe(() -> send(shop, operation, variables, deadline, span));
    }

    private JsonNode send(
            String shop, ShopifyOperation operation, Map<String, ?> variables, Deadline deadline, Observation span) {
        String token = properties
                .accessTokens()
                .tokenFor(shop)
                .orElseThrow(() -> new PermanentShopifyFailure("No access token configured for shop " + shop));
        var body = new LinkedHashMap<String, Object>();
        body.put("query", operation.document());
        body.put("variables", variables);
        Duration spare = deadline.remaining().minus(requestTime());
        if (spare.isNegative()) {
            throw new CallCutShort(
                    operation + " not sent: " + deadline.remaining().toMillis()
                            + " ms left of the call's time budget, and a request may take "
                            + requestTime().toMillis() + " ms",
                    Duration.ZERO);
        }
        Duration maxServerWait = properties.retry().maxServerWait();
        long waitStarted = System.nanoTime();
        CostBudget.Reservation reservation =
                budget.reserve(shop, operation, spare.compareTo(maxServerWait) < 0 ? spare : maxServerWait);
        long waitedMillis = (System.nanoTime() - waitStarted) / 1_000_000;
        if (waitedMillis > 0) {
            span.highCardinalityKeyValue("shopify.budget.wait_ms", String.valueOf(waitedMillis));
            span.event(Observation.Event.of("shopify.budget.waited", "waited " + waitedMillis + " ms for query cost"));
        }
        Reply reply;
        try {
            reply = http.post()
                    .uri(properties.endpointFor(shop))
                    .header(TOKEN_HEADER, token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsBytes(body))
                    .exchange((request, response) -> new Reply(
                            response.getStatusCode().value(),
                            response.getHeaders(),
                            response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            reservation.settleUnknown();
            throw ioFailure(operation, e);
        } catch (JacksonException e) {
            reservation.settleUnknown();
            throw new PermanentShopifyFailure("Cannot serialise variables of " + operation + ": " + e.getMessage());
        }
        return interpret(shop, operation, reply, reservation, span);
    }

    /** The longest one request can take: connecting, then the whole response. */
    Duration requestTime() {
        return properties.connectTimeout().plus(properties.readTimeout());
    }

    private JsonNode interpret(
            String shop,
            ShopifyOperation operation,
            Reply reply,
            CostBudget.Reservation reservation,
            Observation span) {
        versionHeaders.observe(shop, operation, reply.headers());
        JsonNode root = parse(reply.body());
        Optional<QueryCost> cost = root == null ? Optional.empty() : QueryCost.from(root);
        cost.ifPresentOrElse(reservation::settle, reservation::settleUnknown);
        if (root != null) {
            QuerySpans.tagCost(span, root);
        }
        int status = reply.status();
        span.highCardinalityKeyValue("http.response.status_code", String.valueOf(status));
        Optional<Duration> retryAfter = status == 429 || status >= 500 ? retryAfter(reply.headers()) : Optional.empty();
        retryAfter.ifPresent(reservation::holdOff);
        retryAfter.ifPresent(
                wait -> span.highCardinalityKeyValue("shopify.retry_after_ms", String.valueOf(wait.toMillis())));
        if (status == 429) {
            span.event(Observation.Event.of("shopify.throttled", "HTTP 429"));
            throttled(shop, "http_429");
            throw TransientShopifyFailure.refused(operation + ": HTTP 429", retryAfter.orElse(null));
        }
        if (status >= 500) {
            throw TransientShopifyFailure.ambiguous(operation + ": HTTP " + status, retryAfter.orElse(null), null);
        }
        if (status == 401) {
            throw PermanentShopifyFailure.tokenRefused(operation + ": HTTP 401" + abbreviated(reply.body()));
        }
        if (status != 200) {
            // 401/403 bad or revoked token, 402/423 shop frozen or locked, 404 unknown shop or version, 400/422 bad
            // request.
            throw new PermanentShopifyFailure(operation + ": HTTP " + status + abbreviated(reply.body()));
        }
        if (root == null) {
            throw TransientShopifyFailure.ambiguous(operation + ": HTTP 200 without a JSON body", null, null);
        }
        JsonNode errors = root.path("errors");
        if (!errors.isEmpty()) {
            if (hasErrorCode(errors, "THROTTLED")) {
                span.event(Observation.Event.of("shopify.throttled", "THROTTLED"));
                throttled(shop, "throttled");
            }
            throw graphqlFailure(operation, errors, cost);
        }
        return root.path("data");
    }

    /** Refusals for rate, per shop (only configured shops get here, so the tag stays bounded). */
    private void throttled(String shop, String cause) {
        meters.counter("orderbridge.shopify.throttled", "shop", shop, "cause", cause)
                .increment();
    }

    private static RuntimeException graphqlFailure(
            ShopifyOperation operation, JsonNode errors, Optional<QueryCost> cost) {
        String messages = StreamSupport.stream(errors.spliterator(), false)
                .map(e -> e.path("message").asString(e.toString()))
                .collect(Collectors.joining("; "));
        if (hasErrorCode(errors, "THROTTLED")) {
            return TransientShopifyFailure.refused(
                    operation + " throttled: " + messages,
                    cost.map(QueryCost::timeUntilAffordable).orElse(null));
        }
        if (hasErrorCode(errors, "INTERNAL_SERVER_ERROR")) {
            return TransientShopifyFailure.ambiguous(operation + ": " + messages, null, null);
        }
        return new PermanentShopifyFailure(operation + " refused: " + messages);
    }

    private static boolean hasErrorCode(JsonNode errors, String code) {
        return StreamSupport.stream(errors.spliterator(), false)
                .anyMatch(e -> code.equals(e.path("extensions").path("code").asString()));
    }

    private static TransientShopifyFailure ioFailure(ShopifyOperation operation, ResourceAccessException e) {
        Throwable cause = e.getCause();
        // Only these prove the request never left; a timeout or reset afterwards may hide a committed mutation.
        if (cause instanceof ConnectException
                || cause instanceof HttpConnectTimeoutException
                || cause instanceof UnknownHostException) {
            return TransientShopifyFailure.notSent(operation + " not sent: " + cause, e);
        }
        return TransientShopifyFailure.ambiguous(operation + " outcome unknown: " + cause, null, e);
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofNanos((long) Math.ceil(seconds * 1e9)));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private @Nullable JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String abbreviated(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    private record Reply(int status, HttpHeaders headers, byte[] body) {}
}
