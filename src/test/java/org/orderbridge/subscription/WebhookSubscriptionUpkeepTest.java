package org.orderbridge.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.subscription.SubscriptionFixtures.checkNow;
import static org.orderbridge.subscription.SubscriptionFixtures.checks;
import static org.orderbridge.subscription.SubscriptionFixtures.everyTopic;
import static org.orderbridge.subscription.SubscriptionFixtures.failure;
import static org.orderbridge.subscription.SubscriptionFixtures.repairs;
import static org.orderbridge.subscription.SubscriptionFixtures.topicsAtTarget;
import static org.orderbridge.subscription.SubscriptionFixtures.writesSince;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedWebhookSubscriptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every shop's webhook subscriptions are checked on start and then on schedule: what Shopify dropped is subscribed again,
 * what points elsewhere is repointed, each repair counted and announced, and a correct set is left untouched.
 */
@SubscriptionModuleTest
class WebhookSubscriptionUpkeepTest {

    @Autowired
    ShopifySimulator shopify;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableApplicationContext context;

    private final List<SubscriptionsRepaired> announced = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof SubscriptionsRepaired repaired) {
            announced.add(repaired);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
        shopify.store().webhookSubscriptions().setAppApiVersion(ShopifySimulator.API_VERSION);
    }

    private List<SubscriptionsRepaired> announced(String shop) {
        return announced.stream().filter(e -> e.shop().equals(shop)).toList();
    }

    @Test
    void subscribesEveryHandledTopicOfEveryShopOnStart() {
        String shop = "subs-current.myshopify.com";

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(topicsAtTarget(shopify, shop))
                        .isEqualTo(everyTopic())
                        .hasSize(SubscribedTopics.TOPICS.size()));
        assertThat(repairs(meters, shop, "orders/create", "created")).isOne();
    }

    @Test
    void recreatesASubscriptionShopifyDeletedWithinOneCheck() {
        String shop = "subs-dropped.myshopify.com";
        checkNow(jdbc, shop);
        announced.clear();
        double createdBefore = repairs(meters, shop, "orders/paid", "created");
        assertThat(shopify.store().webhookSubscriptions().drop(shop, "ORDERS_PAID"))
                .isOne();

        checkNow(jdbc, shop);

        assertThat(topicsAtTarget(shopify, shop)).isEqualTo(everyTopic());
        assertThat(repairs(meters, shop, "orders/paid", "created")).isEqualTo(createdBefore + 1);
        assertThat(announced(shop)).containsExactly(new SubscriptionsRepaired(shop, 1));
    }

    @Test
    void repointsASubscriptionThatDeliversElsewhere() {
        String shop = "subs-misdirected.myshopify.com";
        checkNow(jdbc, shop);
        announced.clear();
        SimulatedWebhookSubscriptions subscriptions = shopify.store().webhookSubscriptions();
        subscriptions.pointAt(shop, "FULFILLMENTS_UPDATE", "https://old-host.example.com/webhooks/shopify");
        subscriptions.pointAt(shop, "APP_UNINSTALLED", "https://old-host.example.com/webhooks/shopify");
        List<SimulatedWebhookSubscriptions.Subscription> before = subscriptions.list(shop);
        long since = System.nanoTime();

        checkNow(jdbc, shop);

        assertThat(topicsAtTarget(shopify, shop)).isEqualTo(everyTopic());
        // Repointed in place, not deleted and created: the topic never went unsubscribed.
        assertThat(subscriptions.list(shop))
                .extracting(SimulatedWebhookSubscriptions.Subscription::legacyId)
                .containsExactlyElementsOf(before.stream()
                        .map(SimulatedWebhookSubscriptions.Subscription::legacyId)
                        .toList());
        assertThat(writesSince(shopify, shop, since))
                .allMatch(r -> r.isFor("webhookSubscriptionUpdate"))
                .hasSize(2);
        assertThat(repairs(meters, shop, "fulfillments/update", "updated")).isOne();
        assertThat(repairs(meters, shop, "app/uninstalled", "updated")).isOne();
        assertThat(announced(shop)).containsExactly(new SubscriptionsRepaired(shop, 2));
    }

    @Test
    void leavesACorrectSetAsItIs() {
        String shop = "subs-current.myshopify.com";
        checkNow(jdbc, shop);
        announced.clear();
        double currentBefore = checks(meters, shop, "current");
        long since = System.nanoTime();

        checkNow(jdbc, shop);

        assertThat(checks(meters, shop, "current")).isEqualTo(currentBefore + 1);
        assertThat(writesSince(shopify, shop, since)).isEmpty();
        assertThat(shopify.requests())
                .filteredOn(r -> shop.equals(r.shop()) && r.receivedAtNanos() - since > 0)
                .isNotEmpty()
                .allMatch(r -> r.isFor("webhookSubscriptions"));
        assertThat(announced(shop)).isEmpty();
    }

    @Test
    void reportsDeliveriesInAnotherApiVersionWithoutRewritingSubscriptions() {
        String shop = "subs-current.myshopify.com";
        checkNow(jdbc, shop);
        announced.clear();
        shopify.store().webhookSubscriptions().setAppApiVersion("2025-10");
        long since = System.nanoTime();

        checkNow(jdbc, shop);

        // No call can change a subscription's API version (it is the app's): rewriting would only churn.
        assertThat(writesSince(shopify, shop, since)).isEmpty();
        assertThat(meters.get("orderbridge.subscriptions.api-version-mismatches")
                        .tag("shop", shop)
                        .gauge()
                        .value())
                .isEqualTo(SubscribedTopics.TOPICS.size());

        shopify.store().webhookSubscriptions().setAppApiVersion(ShopifySimulator.API_VERSION);
        checkNow(jdbc, shop);

        assertThat(meters.get("orderbridge.subscriptions.api-version-mismatches")
                        .tag("shop", shop)
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void aFailedCheckIsRecordedAndTheScheduleGoesOn() {
        String shop = "subs-failing.myshopify.com";
        checkNow(jdbc, shop);
        announced.clear();
        shopify.store().webhookSubscriptions().drop(shop, "ORDERS_DELETE");
        double failedBefore = checks(meters, shop, "failed");
        // Every attempt of the check's read fails (two attempts under @SubscriptionModuleTest), then one is throttled.
        shopify.faults()
                .forShop(shop)
                .nextFor("webhookSubscriptions", 2, Fault.serverError(503))
                .nextFor("webhookSubscriptions", 1, Fault.tooManyRequests(Duration.ofMillis(200)));

        checkNow(jdbc, shop);

        assertThat(checks(meters, shop, "failed")).isEqualTo(failedBefore + 1);
        // Stored without the shop's domain, so that a shop/redact leaves nothing that names the shop.
        assertThat(failure(jdbc, shop))
                .hasValueSatisfying(
                        failure -> assertThat(failure).contains("503").doesNotContain(shop));
        assertThat(topicsAtTarget(shopify, shop)).doesNotContain("ORDERS_DELETE");

        // Retried after retry-after-failure (brought forward here): the throttled read is retried, then repaired.
        checkNow(jdbc, shop);

        assertThat(topicsAtTarget(shopify, shop)).isEqualTo(everyTopic());
        assertThat(announced(shop)).containsExactly(new SubscriptionsRepaired(shop, 1));
        assertThat(failure(jdbc, shop)).isEmpty();
    }

    @Test
    void aRepairShopifyRefusesIsRecordedAndTheOthersAreMade() {
        String shop = "subs-failing.myshopify.com";
        checkNow(jdbc, shop);
        announced.clear();
        shopify.store().webhookSubscriptions().drop(shop, "ORDERS_CANCELLED");
        shopify.store().webhookSubscriptions().drop(shop, "ORDERS_FULFILLED");
        double refusedBefore = checks(meters, shop, "refused");
        shopify.faults()
                .forShop(shop)
                .nextFor("webhookSubscriptionCreate", 1, Fault.userError("Access denied for topic"));

        checkNow(jdbc, shop);

        assertThat(checks(meters, shop, "refused")).isEqualTo(refusedBefore + 1);
        assertThat(topicsAtTarget(shopify, shop)).hasSize(SubscribedTopics.TOPICS.size() - 1);
        assertThat(failure(jdbc, shop))
                .hasValueSatisfying(failure -> assertThat(failure).contains("Access denied for topic"));
        assertThat(announced(shop)).containsExactly(new SubscriptionsRepaired(shop, 1));

        checkNow(jdbc, shop);

        assertThat(topicsAtTarget(shopify, shop)).isEqualTo(everyTopic());
    }

    @Test
    void waitsOutShopifysThrottlingInsteadOfFailing() {
        String shop = "subs-dropped.myshopify.com";
        checkNow(jdbc, shop);
        shopify.store().webhookSubscriptions().drop(shop, "ORDERS_UPDATED");
        double failedBefore = checks(meters, shop, "failed");
        long since = System.nanoTime();
        // Other apps have just overspent the shop's bucket (1.5 s to refill); our client's mirror of it does not know.
        shopify.setAvailablePoints(shop, -150);

        checkNow(jdbc, shop);

        assertThat(shopify.requests())
                .filteredOn(r -> shop.equals(r.shop()) && r.receivedAtNanos() - since > 0)
                .anyMatch(r -> r.outcome() == RecordedRequest.Outcome.THROTTLED);
        assertThat(topicsAtTarget(shopify, shop)).isEqualTo(everyTopic());
        assertThat(checks(meters, shop, "failed")).isEqualTo(failedBefore);
    }
}
