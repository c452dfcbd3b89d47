package org.orderbridge.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.orderbridge.shop.ErasedShops;
import org.orderbridge.shopify.ShopifyOrders;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Backfills as an operator asks for and reads them; {@link BackfillWorker} does the work. */
@Service
class Backfills {

    private final BackfillStore store;
    private final ShopifyOrders shopify;
    private final BackfillProperties properties;
    private final Clock clock;
    private final ErasedShops erasedShops;

    Backfills(
            BackfillStore store,
            ShopifyOrders shopify,
            BackfillProperties properties,
            Clock clock,
            ErasedShops erasedShops) {
        this.erasedShops = erasedShops;
        this.store = store;
        this.shopify = shopify;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a backfill of the shop's orders updated from {@code since} until now.
     *
     * @throws BackfillExceptions.UnknownShop when no access token is configured for the shop, or it was erased
     * @throws BackfillExceptions.SinceInFuture when {@code since} is not in the past
     * @throws BackfillExceptions.BackfillInProgress when the shop has a backfill queued or running
     */
    Backfill request(String shop, Instant since) {
        if (!shopify.knowsShop(shop)) {
            throw new BackfillExceptions.UnknownShop(shop);
        }
        if (erasedShops.drops(shop, "backfill")) {
            throw new BackfillExceptions.ErasedShop(shop);
        }
        Instant now = clock.instant();
        if (!since.isBefore(now)) {
            throw new BackfillExceptions.SinceInFuture(since, now);
        }
        Backfill.Method method = Duration.between(since, now).compareTo(properties.paginatedMaxRange()) <= 0
                ? Backfill.Method.PAGINATED
                : Backfill.Method.BULK;
        var backfill = new Backfill(
                UUID.randomUUID(),
                shop,
                since,
                now,
                method,
                Backfill.State.QUEUED,
                null,
                null,
                null,
                0,
                Backfill.Counts.NONE,
                null,
                now,
                null,
                null);
        try {
            store.insert(backfill);
        } catch (DuplicateKeyException alreadyActive) {
            throw new BackfillExceptions.BackfillInProgress(
                    shop, store.active(shop).map(Backfill::id).orElse(null));
        }
        return backfill;
    }

    Backfill find(String shop, UUID id) {
        return store.find(shop, id).orElseThrow(() -> new BackfillExceptions.BackfillNotFound(shop, id));
    }

    Backfill latest(String shop) {
        return store.latest(shop).orElseThrow(() -> new BackfillExceptions.BackfillNotFound(shop, null));
    }
}
