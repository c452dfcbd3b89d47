package org.orderbridge.shopify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and repairs the app's webhook subscriptions through the 2026-10 {@code webhookSubscription*} API, whose
 * {@code uri} takes an HTTPS URL and an EventBridge event source ARN alike.
 *
 * <p>A create whose answer was lost is retried like any other request: Shopify refuses a second subscription of one
 * topic to one address, so a repeat can at worst be refused, and the next check then finds the first one.
 */
final class AdminWebhookSubscriptions implements ShopifyWebhookSubscriptions {

    private static final Duration REQUEST_BUDGET = Duration.ofSeconds(30);

    private final ShopifyProperties properties;
    private final AdminGraphqlTransport transport;
    private final ShopifyResilience resilience;

    AdminWebhookSubscriptions(
            ShopifyProperties properties, AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.properties = properties;
        this.transport = transport;
        this.resilience = resilience;
    }

    @Override
    public Set<String> shops() {
        return properties.accessTokens().byShop().keySet();
    }

    @Override
    public String apiVersion() {
        return properties.apiVersion();
    }

    @Override
    public List<Subscription> list(String shopDomain, List<String> topics) {
        String shop = shopDomain.toLowerCase();
        return guarded(
                shop,
                () -> {
                    var subscriptions = new ArrayList<Subscription>();
                    @Nullable String after = null;
                    do {
                        var variables = new HashMap<String, Object>();
                        variables.put("topics", topics);
                        variables.put("after", after);
                        JsonNode page = transport
                                .execute(
                                        shop,
                                        ShopifyOperation.LIST_WEBHOOK_SUBSCRIPTIONS,
                                        variables,
                                        Deadline.after(REQUEST_BUDGET))
                                .path("webhookSubscriptions");
                        page.path("nodes").forEach(node -> subscriptions.add(subscription(node)));
                        JsonNode pageInfo = page.path("pageInfo");
                        after = pageInfo.path("hasNextPage").asBoolean(false)
                                ? pageInfo.path("endCursor").asString(null)
                                : null;
                    } while (after != null);
                    return List.copyOf(subscriptions);
                },
                refusal -> {
                    throw new IllegalStateException(refusal);
                });
    }

    @Override
    public Change create(String shopDomain, String topic, String uri) {
        return mutate(
                shopDomain,
                ShopifyOperation.CREATE_WEBHOOK_SUBSCRIPTION,
                Map.of("topic", topic, "webhookSubscription", input(uri)),
                "webhookSubscriptionCreate");
    }

    @Override
    public Change update(String shopDomain, String subscriptionId, String uri) {
        return mutate(
                shopDomain,
                ShopifyOperation.UPDATE_WEBHOOK_SUBSCRIPTION,
                Map.of("id", subscriptionId, "webhookSubscription", input(uri)),
                "webhookSubscriptionUpdate");
    }

    private Change mutate(String shopDomain, ShopifyOperation operation, Map<String, ?> variables, String root) {
        String shop = shopDomain.toLowerCase();
        return guarded(
                shop,
                () -> change(
                        transport
                                .execute(shop, operation, variables, Deadline.after(REQUEST_BUDGET))
                                .path(root),
                        root),
                Change.Refused::new);
    }

    /** JSON is what the webhook pipeline parses; a subscription left on XML would deliver what it cannot read. */
    static Map<String, Object> input(String uri) {
        return Map.of("uri", uri, "format", "JSON");
    }

    private static Change change(JsonNode payload, String mutation) {
        JsonNode subscription = payload.path("webhookSubscription");
        if (subscription.isObject()) {
            return new Change.Applied(subscription(subscription));
        }
        if (payload.path("userErrors").isEmpty()) {
            throw TransientShopifyFailure.ambiguous(
                    mutation + " returned neither a subscription nor userErrors", null, null);
        }
        return new Change.Refused(UserErrors.describe(payload.path("userErrors")));
    }

    private static Subscription subscription(JsonNode node) {
        return new Subscription(
                node.path("id").asString(),
                node.path("topic").asString(),
                node.path("uri").asString(),
                node.path("format").asString(),
                node.path("apiVersion").path("handle").asString());
    }

    /** Budget, retries and the shop's breaker, as for orders; a permanent failure becomes the caller's refusal. */
    private <T> T guarded(String shop, Supplier<T> call, Function<String, T> refusal) {
        if (properties.accessTokens().tokenFor(shop).isEmpty()) {
            return refusal.apply("No access token configured for shop " + shop);
        }
        try {
            return resilience.call(shop, "Webhook subscription call for " + shop, call);
        } catch (PermanentShopifyFailure e) {
            return refusal.apply(e.getMessage());
        }
    }
}
