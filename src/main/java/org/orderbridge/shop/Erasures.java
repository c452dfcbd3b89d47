package org.orderbridge.shop;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an erasure starts: it leaves the shop's tombstone and asks every feature, through {@link ShopErased} or
 * {@link CustomerErased}, to delete what it keeps, in the caller's transaction.
 */
@Component
public class Erasures {

    private final ErasedShops tombstones;
    private final ApplicationEventPublisher events;

    Erasures(ErasedShops tombstones, ApplicationEventPublisher events) {
        this.tombstones = tombstones;
        this.events = events;
    }

    /**
     * @param appUninstalled Shopify refused the app's token, or none is configured: a token it accepts later proves
     *     that the shop installed the app again
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseShop(String shopDomain, long shopId, boolean appUninstalled) {
        tombstones.bury(shopDomain, shopId, appUninstalled);
        events.publishEvent(new ShopErased(shopDomain));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseCustomer(String shopDomain, long customerId, List<Long> shopifyOrderIds) {
        events.publishEvent(new CustomerErased(shopDomain, customerId, shopifyOrderIds));
    }
}
