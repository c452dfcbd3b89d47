package org.orderbridge.shop;

import io.micrometer.core.instrument.MeterRegistry;
import org.orderbridge.access.AppInstallationConfirmed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A shop that installs the app again: Shopify sends no webhook for it, but accepts the app's token again. A recorded
 * uninstall is cleared; an erased shop whose erasure left the app uninstalled is live again for what Shopify triggers
 * after its erasure ({@link ErasedShops}). Counted in {@code orderbridge.shop.reinstalled{after}} and logged.
 */
@Component
class Reinstalls {

    private static final Logger log = LoggerFactory.getLogger(Reinstalls.class);

    private final ShopRecords shops;
    private final ErasedShops tombstones;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    Reinstalls(ShopRecords shops, ErasedShops tombstones, TransactionTemplate transactions, MeterRegistry meters) {
        this.shops = shops;
        this.tombstones = tombstones;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** Every hourly check of every shop ends here: nothing happens unless the shop had left. */
    @EventListener
    void on(AppInstallationConfirmed confirmed) {
        String shop = confirmed.shop();
        try {
            transactions.executeWithoutResult(status -> {
                if (shops.markInstalled(shop, confirmed.askedAt())) {
                    meters.counter("orderbridge.shop.reinstalled", "after", "uninstall")
                            .increment();
                    log.info(
                            "Shop {} installed the app again: Shopify accepts its token; the uninstall is cleared",
                            shop);
                }
                if (tombstones.reinstalled(shop, confirmed.askedAt())) {
                    meters.counter("orderbridge.shop.reinstalled", "after", "erasure")
                            .increment();
                    log.warn(
                            "Erased shop {} installed the app again: Shopify accepts its token; what Shopify triggers"
                                    + " after the erasure is accepted, everything older stays dropped",
                            shop);
                }
            });
        } catch (DataAccessException e) {
            // The next check, an hour later, tries again.
            log.warn("Could not record whether shop {} installed the app again: {}", shop, e.getMessage());
        }
    }
}
