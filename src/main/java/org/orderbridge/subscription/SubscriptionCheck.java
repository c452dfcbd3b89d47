package org.orderbridge.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.orderbridge.shopify.ShopifyWebhookSubscriptions;
import org.orderbridge.shopify.ShopifyWebhookSubscriptions.Change;
import org.orderbridge.shopify.ShopifyWebhookSubscriptions.Subscription;

/**
 * One shop's check: per topic, a subscription delivering JSON to the target is kept as it is; otherwise one of the
 * topic's subscriptions is repointed (update keeps its id and never leaves the topic unsubscribed), and when the topic
 * has none, one is created. Subscriptions of the topic to other addresses next to a correct one are left alone: they
 * may be another consumer's, and cost us nothing.
 *
 * <p>The API version is only reported: Shopify serialises every subscription of an app with the app's webhook API
 * version, which neither {@code webhookSubscriptionUpdate} nor a new subscription can change.
 */
final class SubscriptionCheck {

    /** What a check did; {@code refusals} lists what Shopify would not let it repair. */
    record Result(List<Repair> repairs, List<String> refusals, List<Subscription> otherApiVersion) {}

    record Repair(String topic, Kind kind) {}

    enum Kind {
        CREATED,
        UPDATED
    }

    private final ShopifyWebhookSubscriptions shopify;

    SubscriptionCheck(ShopifyWebhookSubscriptions shopify) {
        this.shopify = shopify;
    }

    /**
     * @throws org.orderbridge.shopify.ShopifyUnavailableException when Shopify stayed unreachable or throttled
     * @throws IllegalStateException when Shopify refused to list the subscriptions
     */
    Result run(String shop, String target) {
        return run(shop, target, SubscribedTopics.TOPICS);
    }

    Result run(String shop, String target, List<String> topics) {
        Map<String, List<Subscription>> byTopic = shopify.list(shop, SubscribedTopics.graphqlNames(topics)).stream()
                .collect(Collectors.groupingBy(Subscription::topic));
        var repairs = new ArrayList<Repair>();
        var refusals = new ArrayList<String>();
        for (String topic : topics) {
            String name = SubscribedTopics.graphqlName(topic);
            List<Subscription> existing = byTopic.getOrDefault(name, List.of());
            if (existing.stream().anyMatch(s -> correct(s, target))) {
                continue;
            }
            Change change;
            Kind kind;
            if (existing.isEmpty()) {
                change = shopify.create(shop, name, target);
                kind = Kind.CREATED;
            } else {
                // One already at the target (in XML) is the one to fix: repointing another there would be refused.
                Subscription misdirected = existing.stream()
                        .filter(s -> s.uri().equals(target))
                        .findFirst()
                        .orElse(existing.getFirst());
                change = shopify.update(shop, misdirected.id(), target);
                kind = Kind.UPDATED;
            }
            switch (change) {
                case Change.Applied applied -> repairs.add(new Repair(topic, kind));
                case Change.Refused refused -> refusals.add(topic + ": " + refused.reason());
            }
        }
        List<Subscription> otherVersion = byTopic.values().stream()
                .flatMap(List::stream)
                .filter(s -> !s.apiVersion().equals(shopify.apiVersion()))
                .toList();
        return new Result(List.copyOf(repairs), List.copyOf(refusals), otherVersion);
    }

    private static boolean correct(Subscription subscription, String target) {
        return subscription.uri().equals(target) && subscription.format().equals("JSON");
    }
}
