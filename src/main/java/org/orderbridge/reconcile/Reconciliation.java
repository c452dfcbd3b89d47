package org.orderbridge.reconcile;

import java.time.Duration;
import java.util.Locale;
import org.orderbridge.platform.BackgroundLoop;
import org.orderbridge.shopify.ShopifyOrderFeed;
import org.orderbridge.subscription.SubscriptionsRepaired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The safety net under the webhooks: every {@code orderbridge.reconciliation.interval}, each shop's orders updated since
 * its last pass are read from Shopify and applied like webhooks, so an order whose webhooks never arrived is stored
 * all the same, and counted as drift. Runs on every instance; a lease per shop lets one pass run at a time.
 */
@Service
@EnableConfigurationProperties(ReconciliationProperties.class)
public class Reconciliation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);

    private final ReconciliationRunner runner;
    private final ShopLeases leases;
    private final ShopifyOrderFeed feed;
    private final ReconciliationProperties properties;
    private final BackgroundLoop loop;

    Reconciliation(
            ShopLeases leases, ReconciliationPass pass, ShopifyOrderFeed feed, ReconciliationProperties properties) {
        this.runner = new ReconciliationRunner(leases, pass, feed, properties, ReconciliationRunner.newOwner());
        this.leases = leases;
        this.feed = feed;
        this.properties = properties;
        // A pass stops between pages and hands its shop back; a page in flight ends within Shopify's request budget.
        this.loop = new BackgroundLoop("reconciliation", Duration.ofSeconds(20), this::round, this::roundFailed);
    }

    /**
     * Asks for a pass of the shop at once (on whichever instance gets to it first), e.g. after its webhook subscriptions
     * were repaired, since Shopify dropped deliveries before. A pass running now is followed by another. Does nothing
     * when reconciliation is switched off or the shop has no access token.
     */
    public void reconcileNow(String shop) {
        String domain = shop.toLowerCase(Locale.ROOT);
        if (!properties.enabled() || !feed.shops().contains(domain)) {
            log.info("No reconciliation of {}: switched off, or no access token for the shop", domain);
            return;
        }
        leases.requestNow(domain);
        loop.runNow();
    }

    /** A repair means Shopify had stopped delivering (or delivered elsewhere): what it dropped is read back now. */
    @EventListener
    void subscriptionsRepaired(SubscriptionsRepaired repaired) {
        log.info("Webhook subscriptions of {} were repaired; reconciling it now", repaired.shop());
        reconcileNow(repaired.shop());
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            loop.start(Duration.ZERO);
        }
    }

    private Duration round() {
        runner.runDue(loop::isRunning);
        return clamp(runner.nextDueIn());
    }

    private Duration roundFailed(RuntimeException e) {
        // The database or a bug; each pass already handles Shopify being unavailable.
        log.warn("Reconciliation round failed: {}", e.toString());
        return clamp(properties.retryAfterFailure());
    }

    private Duration clamp(Duration wait) {
        if (wait.compareTo(SHORTEST_WAIT) < 0) {
            return SHORTEST_WAIT;
        }
        return wait.compareTo(properties.interval()) > 0 ? properties.interval() : wait;
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
