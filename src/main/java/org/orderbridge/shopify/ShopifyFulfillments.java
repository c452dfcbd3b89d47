package org.orderbridge.shopify;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fulfils orders in Shopify through its fulfillment-order model, so that one shipment becomes exactly one fulfillment
 * per location, whatever fails in between. Every call blocks and runs under the same cost budget, retries and circuit
 * breaker as {@link ShopifyOrders}.
 */
public interface ShopifyFulfillments {

    /**
     * Reads the order's fulfillment orders, maps the items onto their line items and creates one fulfillment per
     * location. Before each {@code fulfillmentCreate} is sent, {@code journal} is called, so that the caller can make
     * durable that a create may have happened; when it may have (the request says so, or an attempt's outcome was not
     * seen), the order's fulfillments are looked up by tracking number and line items first, and only what they do not
     * cover is created.
     *
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    FulfillmentOutcome fulfil(FulfillmentRequest request, CreateJournal journal);

    /**
     * Sets the tracking of each fulfillment; repeating it is harmless.
     *
     * @return null when done, otherwise Shopify's refusal
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    @Nullable String updateTracking(String shopDomain, List<String> fulfillmentGids, Tracking tracking, boolean notify);

    /**
     * Cancels each fulfillment; one that is cancelled already counts as done.
     *
     * @return null when done, otherwise Shopify's refusal
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    @Nullable String cancel(String shopDomain, String orderGid, List<String> fulfillmentGids);

    /** Called right before a {@code fulfillmentCreate} is sent; throwing stops the call, and nothing is sent. */
    @FunctionalInterface
    interface CreateJournal {
        void beforeCreate();
    }

    /**
     * @param createMayHaveBeenSent whether an earlier call may have sent a create (the caller's journal says so)
     */
    record FulfillmentRequest(
            String shopDomain,
            String orderGid,
            List<Item> items,
            Tracking tracking,
            boolean notifyCustomer,
            boolean createMayHaveBeenSent) {}

    /**
     * One line of the shipment.
     *
     * @param shopifyLineItemId Shopify's line item id when known; otherwise the line is found by its position
     * @param position 0-based position of the line in the order, as created
     */
    record Item(
            @Nullable Long shopifyLineItemId,
            int position,
            @Nullable String sku,
            int quantity) {}

    record Tracking(
            @Nullable String company,
            List<String> numbers,
            @Nullable String url) {}

    sealed interface FulfillmentOutcome {

        /** Every item is fulfilled in Shopify; {@code fulfillments} were created by this call or found from an earlier one. */
        record Fulfilled(List<CreatedFulfillment> fulfillments) implements FulfillmentOutcome {}

        /**
         * Shopify cannot fulfil the shipment as asked (too little left, on hold, closed); {@code fulfillments} lists
         * what was created before the refusal, if anything.
         */
        record Refused(String reason, List<CreatedFulfillment> fulfillments) implements FulfillmentOutcome {}
    }

    record CreatedFulfillment(
            String gid, long legacyId, @Nullable String locationGid, String status) {}
}
