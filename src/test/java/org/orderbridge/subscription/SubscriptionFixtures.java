package org.orderbridge.subscription;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedWebhookSubscriptions.Subscription;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded services' subscription target, and ways to run a shop's check now and see what it did. */
public final class SubscriptionFixtures {

    /** Where the tests' subscriptions deliver: {@code orderbridge.subscriptions.callback-url} of their contexts. */
    public static final String TARGET = "http://localhost/webhooks/shopify";

    private static final List<String> MUTATIONS =
            List.of("webhookSubscriptionCreate", "webhookSubscriptionUpdate", "webhookSubscriptionDelete");

    private SubscriptionFixtures() {}

    /**
     * Subscribes every handled topic of the shop to {@code uri} in the simulator, as an earlier run would have: the
     * shop's first check then only reads.
     */
    public static void subscribeEveryTopic(ShopifySimulator shopify, String shop, String uri) {
        SubscribedTopics.graphqlNames()
                .forEach(topic -> shopify.store().webhookSubscriptions().add(shop, topic, uri));
    }

    /**
     * Makes the shop due and waits until a check that started afterwards is over, whatever its outcome: it saw every
     * change made before this call. Checks of one shop never overlap (one instance's looks follow one another), so no
     * other check of the shop is running when this returns.
     */
    static void checkNow(JdbcClient jdbc, String shop) {
        Instant madeDue = jdbc.sql("select now()").query(Instant.class).single();
        jdbc.sql("update webhook_subscription_check set due_at = now() where shop_key = :key")
                .param("key", CheckSchedule.key(shop))
                .update();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from webhook_subscription_check where shop_key = :key"
                                        + " and started_at >= :madeDue and checked_at >= started_at")
                                .param("key", CheckSchedule.key(shop))
                                .param("madeDue", java.sql.Timestamp.from(madeDue))
                                .query(Long.class)
                                .single()
                        == 1);
    }

    /** Why the shop's last check failed, as stored; empty after a completed one. */
    static java.util.Optional<String> failure(JdbcClient jdbc, String shop) {
        return jdbc.sql("select failure from webhook_subscription_check where shop_key = :key")
                .param("key", CheckSchedule.key(shop))
                .query(String.class)
                .optional();
    }

    static double checks(MeterRegistry meters, String shop) {
        return meters.find("orderbridge.subscriptions.checks").tag("shop", shop).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    static double checks(MeterRegistry meters, String shop, String outcome) {
        return meters
                .find("orderbridge.subscriptions.checks")
                .tag("shop", shop)
                .tag("outcome", outcome)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    static double repairs(MeterRegistry meters, String shop, String topic, String kind) {
        return meters
                .find("orderbridge.subscriptions.repairs")
                .tag("shop", shop)
                .tag("topic", topic)
                .tag("kind", kind)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Subscription mutations the shop received after {@code sinceNanos} ({@link System#nanoTime()}). */
    static List<RecordedRequest> writesSince(ShopifySimulator shopify, String shop, long sinceNanos) {
        return shopify.requests().stream()
                .filter(r -> shop.equals(r.shop()) && r.receivedAtNanos() - sinceNanos > 0)
                .filter(r -> r.rootFields().stream().anyMatch(MUTATIONS::contains))
                .toList();
    }

    static List<String> topicsAtTarget(ShopifySimulator shopify, String shop) {
        return shopify.store().webhookSubscriptions().list(shop).stream()
                .filter(s -> s.uri().equals(TARGET) && s.format().equals("JSON"))
                .map(Subscription::topic)
                .sorted()
                .toList();
    }

    static List<String> everyTopic() {
        return SubscribedTopics.graphqlNames().stream().sorted().toList();
    }
}
