package org.orderbridge.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.Orders;
import org.orderbridge.push.PushRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shipments accepted before their order reached Shopify wait here rather than on the queue (where they would use up
 * their receives and end in the dead-letter queue while the order push is still retried); once the order has its
 * Shopify id, the shipment gets its push request. HELD shipments (their items on hold or scheduled in Shopify) get one
 * every {@code held-recheck-interval}, so that each goes on by itself once Shopify releases them. Every instance runs
 * it; releasing is idempotent.
 */
@Component
class HeldShipmentReleaser implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeldShipmentReleaser.class);

    private final ShipmentRepository repository;
    private final Orders orders;
    private final PushRequests pushRequests;
    private final TransactionTemplate transactions;
    private final ShipmentProperties properties;
    private final Clock clock;
    private volatile @Nullable ScheduledExecutorService executor;

    HeldShipmentReleaser(
            ShipmentRepository repository,
            Orders orders,
            PushRequests pushRequests,
            PlatformTransactionManager transactionManager,
            ShipmentProperties properties,
            Clock clock) {
        this.repository = repository;
        this.orders = orders;
        this.pushRequests = pushRequests;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /** Offers each HELD shipment not looked at for a while to the push queue, which asks Shopify again. */
    void recheckHeld() {
        Instant now = Instant.now(clock);
        for (UUID id : repository.findHeldSince(now.minus(properties.heldRecheckInterval()), Limit.of(100))) {
            transactions.executeWithoutResult(status -> repository
                    .findForUpdate(id)
                    .filter(shipment -> shipment.status() == ShipmentStatus.HELD)
                    .ifPresent(shipment -> {
                        shipment.recheckRequested(now);
                        pushRequests.request(Shipments.PUSH_KIND, shipment.id());
                    }));
        }
    }

    void releaseReady() {
        List<UUID> held = repository.findAwaitingOrder(Limit.of(100));
        for (UUID id : held) {
            transactions.executeWithoutResult(status -> repository
                    .findForUpdate(id)
                    .ifPresent(shipment -> {
                        boolean inShopify = orders.find(new OrderId(shipment.orderId()))
                                .map(order -> order.shopifyGid() != null)
                                .orElse(false);
                        if (shipment.awaitingOrder() && inShopify) {
                            shipment.releaseForPush(Instant.now(clock));
                            pushRequests.request(Shipments.PUSH_KIND, shipment.id());
                        }
                    }));
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("shipment-releaser").daemon().factory());
        long millis = properties.releaseInterval().toMillis();
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        releaseReady();
                        recheckHeld();
                    } catch (RuntimeException e) {
                        log.debug("Held shipments not released this time: {}", e.toString());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
