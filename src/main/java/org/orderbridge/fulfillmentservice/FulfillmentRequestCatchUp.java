package org.orderbridge.fulfillmentservice;

import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.orderbridge.shopify.ShopifyFulfillmentService;
import org.orderbridge.shopify.ShopifyFulfillmentService.Assigned;
import org.orderbridge.shopify.ShopifyFulfillmentService.AssignedPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the requests whose webhook was lost: the fulfillment orders assigned to the service's location that Shopify
 * says are requested ({@code FULFILLMENT_REQUESTED}) or asked to be cancelled ({@code CANCELLATION_REQUESTED}), every
 * page, recorded as the webhooks would have. What is known already changes nothing, so instances may overlap.
 */
@Component
class FulfillmentRequestCatchUp {

    private static final Logger log = LoggerFactory.getLogger(FulfillmentRequestCatchUp.class);

    private final ShopifyFulfillmentService shopify;
    private final FulfillmentRequests requests;
    private final FulfillmentServiceRegistrations registrations;

    FulfillmentRequestCatchUp(
            ShopifyFulfillmentService shopify,
            FulfillmentRequests requests,
            FulfillmentServiceRegistrations registrations) {
        this.shopify = shopify;
        this.requests = requests;
        this.registrations = registrations;
    }

    /**
     * @return the requests found that were not known
     */
    int catchUp(String shop) {
        Optional<String> location = registrations.location(shop);
        if (location.isEmpty()) {
            return 0;
        }
        int found = read(
                shop,
                "FULFILLMENT_REQUESTED",
                location.get(),
                fo -> requests.fulfillmentRequested(shop, fo.fulfillmentOrderGid(), fo.orderGid(), null));
        found += read(
                shop,
                "CANCELLATION_REQUESTED",
                location.get(),
                fo -> requests.cancellationRequested(shop, fo.fulfillmentOrderGid()));
        if (found > 0) {
            log.warn(
                    "{} fulfillment or cancellation requests of {} found by the catch-up read: their webhooks were lost",
                    found,
                    shop);
        }
        return found;
    }

    /** Every page of the assigned fulfillment orders in this status; counts those the recorder found new. */
    private int read(String shop, String status, String location, Predicate<Assigned> recorder) {
        int found = 0;
        @Nullable String after = null;
        do {
            AssignedPage page = shopify.assigned(shop, status, location, after);
            for (Assigned fo : page.fulfillmentOrders()) {
                if (recorder.test(fo)) {
                    found++;
                }
            }
            after = page.endCursor();
        } while (after != null);
        return found;
    }
}
