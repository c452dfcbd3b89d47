package org.orderbridge.shopify.simulator;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The app's shop-scoped webhook subscriptions per shop, with {@code webhookSubscriptionCreate}'s, {@code ...Update}'s and
 * {@code ...Delete}'s rules: one subscription per topic and address, an address that is an HTTP(S) URL, a Pub/Sub URI or
 * an EventBridge event source ARN. Every subscription reports the app's webhook API version, as Shopify's do.
 *
 * <p>It records subscriptions only: the simulator's webhooks still go to the target it was given, whatever is
 * subscribed. Tests drop and misdirect subscriptions through {@link #drop} and {@link #pointAt}, as Shopify does after
 * failed deliveries or a person in the admin would.
 */
public final class SimulatedWebhookSubscriptions {

    private static final Pattern ADDRESS = Pattern.compile(
            "(https?://[^\\s/]+.*|pubsub://[^:\\s]+:[^\\s]+|arn:aws:events:[a-z0-9-]+::event-source/.+)");

    /** One subscription; {@code topic} is the {@code WebhookSubscriptionTopic} name, e.g. {@code ORDERS_CREATE}. */
    public record Subscription(long legacyId, String topic, String uri, String format, OffsetDateTime createdAt) {

        public String gid() {
            return "gid://shopify/WebhookSubscription/" + legacyId;
        }
    }

    private final Map<String, List<Subscription>> byShop = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(7_700_000_000L);
    private volatile String appApiVersion = ShopifySimulator.API_VERSION;

    /** The shop's subscriptions, oldest first. */
    public synchronized List<Subscription> list(String shop) {
        return List.copyOf(subscriptions(shop));
    }

    /** Subscribes as the app would, without a request; the subscription is returned. */
    public synchronized Subscription add(String shop, String topic, String uri) {
        var subscription = new Subscription(ids.incrementAndGet(), topic, uri, "JSON", now());
        subscriptions(shop).add(subscription);
        return subscription;
    }

    /** Deletes the topic's subscriptions, as Shopify does after 8 failed deliveries over 4 hours; returns how many. */
    public synchronized int drop(String shop, String topic) {
        List<Subscription> subscriptions = subscriptions(shop);
        int before = subscriptions.size();
        subscriptions.removeIf(s -> s.topic().equals(topic));
        return before - subscriptions.size();
    }

    /** Points the topic's subscriptions at another address, as a person editing them by hand might. */
    public synchronized void pointAt(String shop, String topic, String uri) {
        subscriptions(shop).replaceAll(s -> s.topic().equals(topic) ? withUri(s, uri, s.format()) : s);
    }

    /** The app's webhook API version ({@code [webhooks] api_version}); every subscription delivers in it. */
    public void setAppApiVersion(String version) {
        this.appApiVersion = version;
    }

    synchronized Map<String, Object> connection(
            String shop, List<String> topics, String uri, Integer first, String after) {
        if (first == null) {
            throw new IllegalArgumentException("you must provide one of first or last");
        }
        if (first > 250) {
            throw new IllegalArgumentException("The maximum page size is 250");
        }
        long afterId = after == null
                ? 0
                : Long.parseLong(new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8));
        List<Subscription> matching = subscriptions(shop).stream()
                .filter(s -> topics == null || topics.contains(s.topic()))
                .filter(s -> uri == null || s.uri().equals(uri))
                .sorted(Comparator.comparingLong(Subscription::legacyId))
                .filter(s -> s.legacyId() > afterId)
                .toList();
        List<Subscription> page = matching.subList(0, Math.min(first, matching.size()));
        var edges = new ArrayList<Map<String, Object>>();
        page.forEach(s -> edges.add(Map.of("cursor", cursor(s), "node", graphql(s))));
        var pageInfo = new LinkedHashMap<String, Object>();
        pageInfo.put("hasNextPage", matching.size() > page.size());
        pageInfo.put("hasPreviousPage", afterId > 0);
        pageInfo.put("startCursor", page.isEmpty() ? null : cursor(page.getFirst()));
        pageInfo.put("endCursor", page.isEmpty() ? null : cursor(page.getLast()));
        return Map.of("nodes", page.stream().map(this::graphql).toList(), "edges", edges, "pageInfo", pageInfo);
    }

    synchronized SimulatedStore.Result<Map<String, Object>> create(
            String shop, String topic, Map<String, Object> input) {
        String uri = address(input);
        String format = (String) input.getOrDefault("format", "JSON");
        Optional<Map<String, Object>> refusal = refusal(shop, topic, uri, null);
        if (refusal.isPresent()) {
            return new SimulatedStore.Result<>(null, refusal.get());
        }
        var subscription = new Subscription(ids.incrementAndGet(), topic, uri, format == null ? "JSON" : format, now());
        subscriptions(shop).add(subscription);
        return SimulatedStore.Result.ok(graphql(subscription));
    }

    synchronized SimulatedStore.Result<Map<String, Object>> update(String shop, String gid, Map<String, Object> input) {
        List<Subscription> subscriptions = subscriptions(shop);
        Optional<Subscription> existing =
                subscriptions.stream().filter(s -> s.gid().equals(gid)).findFirst();
        if (existing.isEmpty()) {
            return new SimulatedStore.Result<>(null, userError(List.of("id"), "Webhook subscription does not exist"));
        }
        String uri = input.containsKey("uri") || input.containsKey("callbackUrl")
                ? address(input)
                : existing.get().uri();
        String format =
                input.get("format") instanceof String f ? f : existing.get().format();
        Optional<Map<String, Object>> refusal =
                refusal(shop, existing.get().topic(), uri, existing.get().legacyId());
        if (refusal.isPresent()) {
            return new SimulatedStore.Result<>(null, refusal.get());
        }
        Subscription updated = withUri(existing.get(), uri, format);
        subscriptions.replaceAll(s -> s.gid().equals(gid) ? updated : s);
        return SimulatedStore.Result.ok(graphql(updated));
    }

    synchronized SimulatedStore.Result<String> delete(String shop, String gid) {
        boolean removed = subscriptions(shop).removeIf(s -> s.gid().equals(gid));
        return removed
                ? SimulatedStore.Result.ok(gid)
                : new SimulatedStore.Result<>(null, userError(List.of("id"), "Webhook subscription does not exist"));
    }

    private Optional<Map<String, Object>> refusal(String shop, String topic, String uri, Long except) {
        if (uri == null || !ADDRESS.matcher(uri).matches()) {
            return Optional.of(userError(List.of("webhookSubscription", "uri"), "Address is invalid"));
        }
        boolean taken = subscriptions(shop).stream()
                .anyMatch(s ->
                        s.topic().equals(topic) && s.uri().equals(uri) && (except == null || s.legacyId() != except));
        return taken
                ? Optional.of(userError(
                        List.of("webhookSubscription", "uri"), "Address for this topic has already been taken"))
                : Optional.empty();
    }

    private static String address(Map<String, Object> input) {
        Object uri = input.get("uri") != null ? input.get("uri") : input.get("callbackUrl");
        return uri == null ? null : uri.toString();
    }

    private Map<String, Object> graphql(Subscription s) {
        var node = new HashMap<String, Object>();
        node.put("__typename", "WebhookSubscription");
        node.put("id", s.gid());
        node.put("legacyResourceId", Long.toString(s.legacyId()));
        node.put("topic", s.topic());
        node.put("uri", s.uri());
        node.put("callbackUrl", s.uri().startsWith("http") ? s.uri() : null);
        node.put(
                "endpoint",
                s.uri().startsWith("arn:")
                        ? Map.of("__typename", "WebhookEventBridgeEndpoint", "arn", s.uri())
                        : Map.of("__typename", "WebhookHttpEndpoint", "callbackUrl", s.uri()));
        node.put("format", s.format());
        node.put("apiVersion", Map.of("handle", appApiVersion, "displayName", appApiVersion, "supported", true));
        node.put("createdAt", s.createdAt().toString());
        node.put("updatedAt", s.createdAt().toString());
        node.put("includeFields", List.of());
        node.put("metafieldNamespaces", List.of());
        node.put("metafields", List.of());
        return node;
    }

    private static String cursor(Subscription s) {
        return Base64.getEncoder().encodeToString(Long.toString(s.legacyId()).getBytes(StandardCharsets.UTF_8));
    }

    private static Subscription withUri(Subscription s, String uri, String format) {
        return new Subscription(s.legacyId(), s.topic(), uri, format, s.createdAt());
    }

    private static Map<String, Object> userError(List<String> field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private List<Subscription> subscriptions(String shop) {
        return byShop.computeIfAbsent(shop, s -> new ArrayList<>());
    }
}
