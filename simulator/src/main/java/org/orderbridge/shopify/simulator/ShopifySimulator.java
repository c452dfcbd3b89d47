package org.orderbridge.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ParseAndValidateResult;
import graphql.language.OperationDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import tools.jackson.databind.ObjectMapper;

/**
 * A local stand-in for Shopify's Admin GraphQL API: validates every document against the real 2026-10 schema, keeps
 * orders per shop, enforces unique metafield values, meters query cost with a leaky bucket and injects faults on demand.
 *
 * <p>Endpoint: {@code POST /{shop}/admin/api/{version}/graphql.json}, or {@code /admin/api/{version}/graphql.json} with
 * the shop in {@code X-Shopify-Shop-Domain}. Also {@code GET /health}, {@code POST|DELETE /_sim/faults},
 * {@code GET /_sim/orders}, {@code GET|PUT /_sim/inventory}, {@code GET|PUT /_sim/installations} (granted scopes,
 * API version headers) and {@code POST /_sim/fulfillment-orders}; bulk query results at {@code GET /_sim/bulk/{n}.jsonl}.
 */
public final class ShopifySimulator implements AutoCloseable {

    public static final String API_VERSION = "2026-10";
    private static final Pattern GRAPHQL_PATH = Pattern.compile("^(?:/([^/]+))?/admin/api/([^/]+)/graphql\\.json$");
    private static final ObjectMapper JSON = new ObjectMapper();
    // The order the request in progress on this thread is about, set once its body is read, for record().
    private static final ThreadLocal<String> CURRENT_ORDER_REF = new ThreadLocal<>();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, String> tokens;
    private final SimulatedStore store = new SimulatedStore();
    private final Faults faults = new Faults();
    private final WebhookFaults webhookFaults = new WebhookFaults();
    private final OrderActivity activity = new OrderActivity(store, this);
    private final CostBuckets buckets;
    /** Cost points that requests were charged, for benchmarks: what the bucket's rate allows per second. */
    private final java.util.concurrent.atomic.AtomicLong pointsCharged = new java.util.concurrent.atomic.AtomicLong();

    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile WebhookSender webhooks;
    private volatile Duration latency;

    private ShopifySimulator(Builder builder) throws IOException {
        this.tokens = new ConcurrentHashMap<>(builder.tokens);
        this.buckets = new CostBuckets(builder.bucketSize, builder.restoreRate);
        this.latency = builder.latency;
        this.webhooks = builder.webhookUrl == null
                ? null
                : new WebhookSender(builder.webhookUrl, builder.webhookSecret, API_VERSION, webhookFaults);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        AdminSchema.get();
        server.start();
        store.bulkOperations().publishAt(URI.create("http://127.0.0.1:" + port() + "/"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Value for {@code orderbridge.shopify.admin-url}. */
    public String adminUrlTemplate() {
        return "http://127.0.0.1:" + port() + "/{shop}/admin/api/{version}/graphql.json";
    }

    public SimulatedStore store() {
        return store;
    }

    public Faults faults() {
        return faults;
    }

    /** What happens to outgoing webhooks: lost, duplicated, held and shuffled. */
    public WebhookFaults webhookFaults() {
        return webhookFaults;
    }

    /** Orders created and changed in the shop itself, each change announced by its webhook. */
    public OrderActivity orderActivity() {
        return activity;
    }

    /** Sends the shop's held webhooks, shuffled; returns how many. */
    public int releaseWebhooks(String shop) {
        WebhookSender sender = webhooks;
        return sender == null ? 0 : webhookFaults.release(shop, sender::post);
    }

    public void addShop(String shop, String accessToken) {
        tokens.put(shop, accessToken);
    }

    /**
     * The merchant uninstalls the app: Shopify revokes its access token at once, and every later call with it is
     * answered 401 (https://shopify.dev/docs/apps/build/authentication-authorization/app-installation/uninstall-app-api-request).
     * Installing again ({@link #addShop}) grants a token anew.
     */
    public void uninstallApp(String shop) {
        tokens.computeIfPresent(shop, (domain, revoked) -> "revoked-" + UUID.randomUUID());
    }

    /**
     * Where signed {@code orders/create} webhooks go from now on; for a target whose port is known only after the
     * simulator has started.
     */
    public void setWebhooks(URI url, String secret) {
        WebhookSender previous = webhooks;
        webhooks = new WebhookSender(url, secret, API_VERSION, webhookFaults);
        if (previous != null) {
            previous.close();
        }
    }

    /** Sends Shopify's webhook for a change made outside the API (e.g. by hand in the admin), if webhooks are set. */
    public void sendWebhook(String topic, String shop, Map<String, Object> payload) {
        WebhookSender sender = webhooks;
        if (sender != null) {
            sender.send(topic, shop, payload);
        }
    }

    /**
     * A refund that restocks unfulfilled items of a line, made in the admin: the items leave the fulfillment orders and
     * Shopify sends refunds/create.
     */
    public void refundUnfulfilled(SimulatedOrder order, int lineIndex, int quantity) {
        store.fulfillments().removeUnfulfilled(order, lineIndex, quantity);
        sendWebhook("refunds/create", order.shop(), ChangeWebhooks.refund(order, lineIndex, quantity));
    }

    /** An order edit removing unfulfilled items of a line: as a refund, announced by orders/edited. */
    public void editRemovingUnfulfilled(SimulatedOrder order, int lineIndex, int quantity) {
        store.fulfillments().removeUnfulfilled(order, lineIndex, quantity);
        sendWebhook("orders/edited", order.shop(), ChangeWebhooks.orderEdited(order, lineIndex, quantity));
    }

    /** The merchant moves items of a line to another location: Shopify sends fulfillment_orders/moved. */
    public void moveUnfulfilled(SimulatedOrder order, int lineIndex, int quantity, String locationGid) {
        var payload = store.fulfillments().assign(order, lineIndex, quantity, locationGid);
        sendWebhook("fulfillment_orders/moved", order.shop(), payload);
    }

    /** Sends orders/create for an order made in the admin, as Shopify does. */
    /**
     * The merchant requests fulfillment of a fulfillment order from the app's fulfillment service; the service hears of
     * it through fulfillment_orders/fulfillment_request_submitted.
     */
    public void submitFulfillmentRequest(String shop, String fulfillmentOrderGid, String message) {
        sendWebhook(
                "fulfillment_orders/fulfillment_request_submitted",
                shop,
                store.fulfillments().submitFulfillmentRequest(shop, fulfillmentOrderGid, message));
    }

    /** The merchant requests only part of a fulfillment order (per line index of the order, a quantity). */
    public void submitFulfillmentRequest(
            String shop, String fulfillmentOrderGid, String message, Map<Integer, Integer> quantities) {
        sendWebhook(
                "fulfillment_orders/fulfillment_request_submitted",
                shop,
                store.fulfillments().submitFulfillmentRequest(shop, fulfillmentOrderGid, message, quantities));
    }

    /** The merchant asks the service to cancel an accepted request (fulfillment_orders/cancellation_request_submitted). */
    public void submitCancellationRequest(String shop, String fulfillmentOrderGid, String message) {
        sendWebhook(
                "fulfillment_orders/cancellation_request_submitted",
                shop,
                store.fulfillments().submitCancellationRequest(shop, fulfillmentOrderGid, message));
    }

    public void sendOrderCreated(SimulatedOrder order) {
        sendWebhook("orders/create", order.shop(), WebhookSender.payload(order));
    }

    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** New bucket settings for all shops; buckets start full again. */
    public void setCostLimits(double bucketSize, double restoreRate) {
        buckets.reconfigure(bucketSize, restoreRate);
    }

    /** Bucket settings for one shop, e.g. a Plus plan among standard ones; its bucket starts full. */
    public void setCostLimits(String shop, double bucketSize, double restoreRate) {
        buckets.configure(shop, bucketSize, restoreRate);
    }

    /** Empties (or partly refills) a shop's bucket, as if other apps had just spent it. */
    public void setAvailablePoints(String shop, double points) {
        buckets.setAvailable(shop, points);
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public long count(Outcome outcome) {
        return requests().stream().filter(r -> r.outcome() == outcome).count();
    }

    /**
     * What the benchmarks read: requests by outcome, orders created, orders whose source identifier (our
     * order id) appears more than once, and THROTTLED answers after the first second of traffic.
     */
    public Map<String, Object> stats() {
        List<RecordedRequest> seen = requests();
        var byOutcome = new java.util.TreeMap<String, Long>();
        seen.forEach(r -> byOutcome.merge(r.outcome().name(), 1L, Long::sum));
        var byRootField = new java.util.TreeMap<String, Long>();
        seen.forEach(r -> r.rootFields().forEach(field -> byRootField.merge(field, 1L, Long::sum)));
        long first =
                seen.stream().mapToLong(RecordedRequest::receivedAtNanos).min().orElse(0);
        long lateThrottled = seen.stream()
                .filter(r -> r.outcome() == Outcome.THROTTLED)
                .filter(r -> r.receivedAtNanos() - first > 1_000_000_000L)
                .count();
        var perSource = new java.util.HashMap<Object, Long>();
        store.allOrders().forEach(o -> perSource.merge(o.sourceIdentifier(), 1L, Long::sum));
        long duplicates = perSource.values().stream().filter(n -> n > 1).count();
        return Map.of(
                "pointsCharged",
                pointsCharged.get(),
                "fulfillments",
                store.fulfillments().liveFulfillments(),
                "duplicateFulfillments",
                store.fulfillments().duplicateFulfillments(),
                "requests",
                seen.size(),
                "byOutcome",
                byOutcome,
                "byRootField",
                byRootField,
                "orders",
                store.allOrders().size(),
                "duplicateOrders",
                duplicates,
                "throttledAfterFirstSecond",
                lateThrottled);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        store.bulkOperations().close();
        WebhookSender sender = webhooks;
        if (sender != null) {
            sender.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher graphqlPath = GRAPHQL_PATH.matcher(path);
            if (path.equals("/health") && method.equals("GET")) {
                respond(exchange, 200, Map.of("status", "UP"), null);
            } else if (path.equals("/_sim/faults") && method.equals("POST")) {
                faultFromAdmin(exchange);
            } else if (path.equals("/_sim/faults") && method.equals("DELETE")) {
                faults.clear();
                respond(exchange, 204, null, null);
            } else if (path.equals("/_sim/stats") && method.equals("GET")) {
                respond(exchange, 200, stats(), null);
            } else if (path.equals("/_sim/orders") && method.equals("GET")) {
                respond(
                        exchange,
                        200,
                        store.allOrders().stream().map(WebhookSender::payload).toList(),
                        null);
            } else if (SimulatedBulkOperations.serves(path) && method.equals("GET")) {
                store.bulkOperations().serve(exchange);
            } else if (path.equals("/_sim/fulfillment-orders")) {
                FulfillmentOrdersAdmin.handle(exchange, store, this);
            } else if (path.equals("/_sim/fulfillment-requests")) {
                FulfillmentRequestsAdmin.handle(exchange, this);
            } else if (path.equals("/_sim/inventory")) {
                InventoryAdmin.handle(exchange, store.inventory());
            } else if (path.equals("/_sim/installations")) {
                InstallationsAdmin.handle(exchange, store.installations());
            } else if (path.equals("/_sim/webhook-subscriptions")) {
                WebhookSubscriptionsAdmin.handle(exchange, store.webhookSubscriptions());
            } else if (graphqlPath.matches() && method.equals("POST")) {
                graphql(exchange, graphqlPath);
            } else {
                respond(exchange, 404, Map.of("errors", "Not Found"), null);
            }
        } catch (RuntimeException e) {
            // HttpServer drops handler exceptions silently; a simulator bug must be visible in the test output.
            e.printStackTrace();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private void graphql(HttpExchange exchange, Matcher path) throws IOException {
        CURRENT_ORDER_REF.remove();
        long receivedAt = System.nanoTime();
        sleep(latency);
        String shop = path.group(1) != null
                ? path.group(1)
                : exchange.getRequestHeaders().getFirst("X-Shopify-Shop-Domain");
        String expectedToken = shop == null ? null : tokens.get(shop);
        if (expectedToken != null) {
            // On every answer of the shop's, as Shopify sends it.
            store.installations().headers(shop, path.group(2)).forEach(exchange.getResponseHeaders()::add);
        }
        if (expectedToken == null) {
            record(receivedAt, shop, List.of(), Outcome.UNKNOWN_SHOP, Duration.ZERO);
            respond(exchange, 404, Map.of("errors", "Not Found"), null);
            return;
        }
        if (!expectedToken.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
            record(receivedAt, shop, List.of(), Outcome.UNAUTHORIZED, Duration.ZERO);
            respond(
                    exchange,
                    401,
                    Map.of("errors", "[API] Invalid API key or access token (unrecognized login or wrong password)"),
                    null);
            return;
        }
        Map<String, Object> body;
        try {
            body = JSON.readValue(exchange.getRequestBody(), Map.class);
        } catch (tools.jackson.core.JacksonException e) {
            record(receivedAt, shop, List.of(), Outcome.BAD_REQUEST, Duration.ZERO);
            respond(exchange, 400, Map.of("errors", "Bad Request: body is not JSON"), null);
            return;
        }
        CURRENT_ORDER_REF.set(orderRef(body));
        ExecutionInput input = input(body);
        ParseAndValidateResult parsed = SimulatorGraphql.parseAndValidate(input);
        Optional<OperationDefinition> operation = parsed.getDocument() == null
                ? Optional.empty()
                : parsed.getDocument().getDefinitionsOfType(OperationDefinition.class).stream()
                        .findFirst();
        List<String> rootFields = operation.map(SimulatorGraphql::rootFields).orElse(List.of());

        Optional<Fault> fault = faults.take(shop, rootFields);
        if (fault.orElse(null) instanceof Fault.Status status) {
            record(
                    receivedAt,
                    shop,
                    rootFields,
                    Outcome.INJECTED_STATUS,
                    status.retryAfter() == null ? Duration.ZERO : status.retryAfter());
            Map<String, String> headers =
                    status.retryAfter() == null ? null : Map.of("Retry-After", seconds(status.retryAfter()));
            respond(exchange, status.status(), Map.of("errors", "Injected HTTP " + status.status()), headers);
            return;
        }
        if (fault.orElse(null) instanceof Fault.Reset) {
            record(receivedAt, shop, rootFields, Outcome.INJECTED_RESET, Duration.ZERO);
            return;
        }
        if (parsed.isFailure()) {
            record(receivedAt, shop, rootFields, Outcome.GRAPHQL_ERRORS, Duration.ZERO);
            respond(
                    exchange,
                    200,
                    Map.of(
                            "errors",
                            parsed.getErrors().stream()
                                    .map(GraphQLError::toSpecification)
                                    .toList()),
                    null);
            return;
        }
        int requestedByShopify =
                RequestedQueryCost.of(operation.orElseThrow(), fragments(parsed), input.getVariables());
        if (requestedByShopify > RequestedQueryCost.MAX) {
            record(receivedAt, shop, rootFields, Outcome.GRAPHQL_ERRORS, Duration.ZERO);
            respond(exchange, 200, RequestedQueryCost.maxCostExceeded(requestedByShopify), null);
            return;
        }
        boolean connectionCost = SimulatorOrdersQuery.charges(operation.orElseThrow());
        int requested = connectionCost ? requestedByShopify : SimulatorGraphql.cost(operation.orElseThrow());
        CostBuckets.Decision cost = buckets.charge(shop, requested);
        if (cost.charged()) {
            pointsCharged.addAndGet(requested);
        }
        if (!cost.charged()) {
            record(receivedAt, shop, rootFields, Outcome.THROTTLED, Duration.ofNanos((long)
                    Math.ceil(cost.secondsToAfford() * 1e9)));
            respond(
                    exchange,
                    200,
                    Map.of(
                            "errors",
                                    List.of(Map.of(
                                            "message",
                                            "Throttled",
                                            "extensions",
                                            Map.of(
                                                    "code",
                                                    "THROTTLED",
                                                    "documentation",
                                                    "https://shopify.dev/api/usage/rate-limits"))),
                            "extensions", Map.of("cost", cost.costExtension())),
                    null);
            return;
        }
        if (fault.orElse(null) instanceof Fault.UserError userError) {
            record(receivedAt, shop, rootFields, Outcome.INJECTED_USER_ERROR, Duration.ZERO);
            respond(exchange, 200, userErrorResponse(rootFields, userError, cost), null);
            return;
        }
        List<SimulatedOrder> created = Collections.synchronizedList(new ArrayList<>());
        List<java.util.function.Consumer<WebhookSender>> pendingWebhooks =
                Collections.synchronizedList(new ArrayList<>());
        ExecutionResult result = SimulatorGraphql.execute(
                input(body), new SimulatorGraphql.Scope(store, shop, created, pendingWebhooks));
        if (connectionCost) {
            cost = buckets.refund(shop, cost, Math.min(requested, SimulatorOrdersQuery.actualCost(result.getData())));
            pointsCharged.addAndGet(cost.actual() - requested);
        }
        var response = new LinkedHashMap<>(result.toSpecification());
        response.put("extensions", Map.of("cost", cost.costExtension()));
        Outcome outcome = result.getErrors().isEmpty() ? Outcome.OK : Outcome.GRAPHQL_ERRORS;
        try {
            if (fault.orElse(null) instanceof Fault.DropAfterCommit) {
                record(receivedAt, shop, rootFields, Outcome.INJECTED_DROP_AFTER_COMMIT, Duration.ZERO);
                return;
            }
            if (fault.orElse(null) instanceof Fault.Delay delay) {
                // Recorded before the delay: the client may long have given up by the time the answer goes out.
                record(receivedAt, shop, rootFields, Outcome.INJECTED_DELAY, Duration.ZERO);
                sleep(delay.delay());
            } else {
                record(receivedAt, shop, rootFields, outcome, Duration.ZERO);
            }
            respond(exchange, 200, response, null);
        } finally {
            WebhookSender sender = webhooks;
            if (sender != null) {
                created.forEach(sender::orderCreated);
                pendingWebhooks.forEach(webhook -> webhook.accept(sender));
            }
        }
    }

    private static Map<String, graphql.language.FragmentDefinition> fragments(ParseAndValidateResult parsed) {
        var fragments = new java.util.HashMap<String, graphql.language.FragmentDefinition>();
        parsed.getDocument()
                .getDefinitionsOfType(graphql.language.FragmentDefinition.class)
                .forEach(f -> fragments.put(f.getName(), f));
        return fragments;
    }

    /** Each root field's payload carries only the userError; Shopify leaves the payload's object null then. */
    private static Map<String, Object> userErrorResponse(
            List<String> rootFields, Fault.UserError fault, CostBuckets.Decision cost) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", null);
        error.put("code", fault.code());
        error.put("message", fault.message());
        var data = new LinkedHashMap<String, Object>();
        rootFields.forEach(field -> data.put(field, Map.of("userErrors", List.of(error))));
        return Map.of("data", data, "extensions", Map.of("cost", cost.costExtension()));
    }

    @SuppressWarnings("unchecked")
    private static ExecutionInput input(Map<String, Object> body) {
        Object variables = body.get("variables");
        return ExecutionInput.newExecutionInput(String.valueOf(body.get("query")))
                .operationName((String) body.get("operationName"))
                .variables(variables instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of())
                .build();
    }

    @SuppressWarnings("unchecked")
    private void faultFromAdmin(HttpExchange exchange) throws IOException {
        Map<String, Object> spec = JSON.readValue(exchange.getRequestBody(), Map.class);
        int count = ((Number) spec.getOrDefault("count", 1)).intValue();
        Duration retryAfter = spec.get("retryAfterSeconds") instanceof Number n
                ? Duration.ofNanos((long) (n.doubleValue() * 1e9))
                : null;
        Fault fault = switch (String.valueOf(spec.get("type"))) {
            case "status" -> new Fault.Status(((Number) spec.getOrDefault("status", 503)).intValue(), retryAfter);
            case "reset" -> Fault.reset();
            case "drop-after-commit" -> Fault.dropAfterCommit();
            case "delay" -> Fault.delay(Duration.ofMillis(((Number) spec.getOrDefault("delayMs", 15_000)).longValue()));
            case "user-error" -> Fault.userError(String.valueOf(spec.getOrDefault("message", "Injected userError")));
            default -> null;
        };
        if (fault == null) {
            respond(
                    exchange,
                    400,
                    Map.of("errors", "type must be status, reset, drop-after-commit, delay or user-error"),
                    null);
            return;
        }
        Faults target = spec.get("shop") instanceof String shop ? faults.forShop(shop) : faults;
        target.nextFor((String) spec.get("rootField"), count, fault);
        respond(exchange, 202, Map.of("queued", fault.toString(), "count", count), null);
    }

    private void record(long receivedAt, String shop, List<String> rootFields, Outcome outcome, Duration askedToWait) {
        requests.add(new RecordedRequest(receivedAt, shop, rootFields, outcome, askedToWait, CURRENT_ORDER_REF.get()));
    }

    /** The order a request is about, from its variables: what {@link RecordedRequest#orderRef()} reports. */
    @SuppressWarnings("unchecked")
    private static String orderRef(Map<String, Object> body) {
        if (!(body.get("variables") instanceof Map<?, ?> variables)) {
            return null;
        }
        if (variables.get("order") instanceof Map<?, ?> order && order.get("sourceIdentifier") instanceof String id) {
            return id;
        }
        if (variables.get("identifier") instanceof Map<?, ?> identifier
                && identifier.get("customId") instanceof Map<?, ?> customId
                && customId.get("value") instanceof String value) {
            return value;
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, Object body, Map<String, String> headers)
            throws IOException {
        if (headers != null) {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    private static void sleep(Duration duration) {
        if (duration == null || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private int port;
        private final Map<String, String> tokens = new LinkedHashMap<>();
        private double bucketSize = 1000;
        private double restoreRate = 100;
        private Duration latency = Duration.ZERO;
        private URI webhookUrl;
        private String webhookSecret;

        private Builder() {}

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder shop(String shopDomain, String accessToken) {
            tokens.put(shopDomain, accessToken);
            return this;
        }

        /** Shopify: bucket 1,000 with 100 points/s (standard) or 1,000 points/s (Plus). */
        public Builder costLimits(double bucketSize, double restoreRate) {
            this.bucketSize = bucketSize;
            this.restoreRate = restoreRate;
            return this;
        }

        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        public Builder webhooks(URI url, String secret) {
            this.webhookUrl = url;
            this.webhookSecret = secret;
            return this;
        }

        public ShopifySimulator start() {
            try {
                return new ShopifySimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Shopify simulator", e);
            }
        }
    }
}
