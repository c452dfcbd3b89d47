package org.orderbridge.subscription;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.orderbridge.shop.ErasedShops;
import org.orderbridge.shopify.FulfillmentServiceProperties;
import org.orderbridge.shopify.ShopifyWebhookSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps every shop's webhook subscriptions complete and pointed at this service: each instance looks every
 * {@code poll-interval} for shops due a check (first right after start), and checks those it claims, one after another.
 * A failed check (Shopify down, throttled beyond the wait allowed, refusing) is recorded and tried again after
 * {@code retry-after-failure}; nothing that happens in one shop stops the others or the schedule.
 */
@Component
class SubscriptionUpkeep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionUpkeep.class);

    private final ShopifyWebhookSubscriptions shopify;
    private final SubscriptionCheck check;
    private final CheckSchedule schedule;
    private final SubscriptionProperties properties;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final ErasedShops erasedShops;
    private final FulfillmentServiceProperties fulfillmentService;
    private final Map<String, AtomicInteger> otherApiVersion = new ConcurrentHashMap<>();
    // Set after the first look that got through; looks never overlap, but may run on different threads.
    private volatile boolean lookedOnce;

    SubscriptionUpkeep(
            ShopifyWebhookSubscriptions shopify,
            JdbcClient jdbc,
            SubscriptionProperties properties,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            ErasedShops erasedShops,
            FulfillmentServiceProperties fulfillmentService) {
        this.erasedShops = erasedShops;
        this.fulfillmentService = fulfillmentService;
        this.shopify = shopify;
        this.check = new SubscriptionCheck(shopify);
        this.schedule = new CheckSchedule(jdbc);
        this.properties = properties;
        this.meters = meters;
        this.events = events;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.enabled()) {
            log.info("Webhook subscription upkeep is off (orderbridge.subscriptions.enabled=false)");
            return;
        }
        if (properties.target().isEmpty()) {
            log.warn("Webhook subscriptions are not checked: set SHOPIFY_WEBHOOK_CALLBACK_URL or"
                    + " SHOPIFY_EVENTBRIDGE_SOURCE_ARN, or WEBHOOK_SUBSCRIPTIONS_ENABLED=false when shopify.app.toml"
                    + " declares them");
            return;
        }
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::runQuietly, properties.pollInterval(), properties.initialDelay()));
    }

    /**
     * Claims and checks one due shop after the other, so that an instance that stops half-way (or loses the database)
     * holds at most one shop's lease.
     */
    private void checkDueShops() {
        String target = properties.target().orElseThrow();
        boolean startingUp = !lookedOnce;
        // An erased shop whose access token is still configured: its check row would name it again.
        var shops = erasedShops.live(shopify.shops(), "subscription");
        for (String shop : schedule.candidates(shops, target, startingUp)) {
            if (!schedule.claim(shop, target, properties.lease(), startingUp)) {
                continue;
            }
            // An erasure that committed after the list above was read found no row of this claim to delete.
            if (erasedShops.live(List.of(shop), "subscription").isEmpty()) {
                schedule.forget(shop);
                continue;
            }
            checkClaimed(shop, target);
        }
        lookedOnce = true;
    }

    private void checkClaimed(String shop, String target) {
        SubscriptionCheck.Result result;
        try {
            result = check.run(shop, target, SubscribedTopics.forShop(fulfillmentService.isServiceMode(shop)));
        } catch (RuntimeException e) {
            log.warn(
                    "Webhook subscriptions of {} not checked, again in {}: {}",
                    shop,
                    properties.retryAfterFailure(),
                    e.getMessage());
            meters.counter("orderbridge.subscriptions.checks", "shop", shop, "outcome", "failed")
                    .increment();
            schedule.failed(shop, String.valueOf(e.getMessage()), properties.retryAfterFailure());
            return;
        }
        result.repairs()
                .forEach(repair -> meters.counter(
                                "orderbridge.subscriptions.repairs",
                                "shop",
                                shop,
                                "topic",
                                repair.topic(),
                                "kind",
                                repair.kind().name().toLowerCase(Locale.ROOT))
                        .increment());
        if (!result.repairs().isEmpty()) {
            // Deliveries of these topics were not reaching us (or never were, for a shop new to the upkeep).
            log.warn(
                    "Webhook subscriptions of {} repaired to {}: {}",
                    shop,
                    target,
                    result.repairs().stream()
                            .map(r -> r.topic()
                                    + (r.kind() == SubscriptionCheck.Kind.CREATED ? " created" : " repointed"))
                            .collect(Collectors.joining(", ")));
        }
        reportApiVersion(shop, result);
        if (result.refusals().isEmpty()) {
            meters.counter(
                            "orderbridge.subscriptions.checks",
                            "shop",
                            shop,
                            "outcome",
                            result.repairs().isEmpty() ? "current" : "repaired")
                    .increment();
            schedule.checked(shop, result.repairs().size(), properties.interval());
        } else {
            String refusals = String.join("; ", result.refusals());
            log.warn(
                    "Shopify refused to repair webhook subscriptions of {}, again in {}: {}",
                    shop,
                    properties.retryAfterFailure(),
                    refusals);
            meters.counter("orderbridge.subscriptions.checks", "shop", shop, "outcome", "refused")
                    .increment();
            schedule.failed(shop, refusals, properties.retryAfterFailure());
        }
        if (!result.repairs().isEmpty()) {
            try {
                events.publishEvent(
                        new SubscriptionsRepaired(shop, result.repairs().size()));
            } catch (RuntimeException e) {
                // A listener's failure is its own; the other shops' checks go on.
                log.warn("A listener of the repair of {}'s webhook subscriptions failed: {}", shop, e.toString());
            }
        }
    }

    /**
     * Deliveries in another API version than the client's may not parse as expected; only the app's webhook API
     * version ({@code [webhooks] api_version} in shopify.app.toml, or the Dev Dashboard) changes it.
     */
    private void reportApiVersion(String shop, SubscriptionCheck.Result result) {
        otherApiVersion
                .computeIfAbsent(
                        shop,
                        s -> meters.gauge(
                                "orderbridge.subscriptions.api-version-mismatches",
                                Tags.of("shop", s),
                                new AtomicInteger()))
                .set(result.otherApiVersion().size());
        if (!result.otherApiVersion().isEmpty()) {
            log.warn(
                    "{} webhook subscriptions of {} deliver in API version {}, not {}: set the app's webhook API"
                            + " version to {} (shopify.app.toml [webhooks] api_version); no API call can change it",
                    result.otherApiVersion().size(),
                    shop,
                    result.otherApiVersion().getFirst().apiVersion(),
                    shopify.apiVersion(),
                    shopify.apiVersion());
        }
    }

    private void runQuietly() {
        try {
            checkDueShops();
        } catch (RuntimeException e) {
            // The database being away is no reason to stop the schedule; due shops stay due.
            log.warn(
                    "Webhook subscription checks skipped, next look in {}: {}",
                    properties.pollInterval(),
                    e.toString());
        }
    }
}
