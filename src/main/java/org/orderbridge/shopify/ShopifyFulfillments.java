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
     * Reads the order's fulfillment orders (every displayable one, page by page), maps the items onto their line items
     * and creates one fulfillment per location. A request without items ships everything Shopify says remains. When
     * what the shipment needs is on hold or scheduled in Shopify, nothing is created and the outcome says it waits. Before each {@code fulfillmentCreate} is sent, {@code journal} is called, so that the caller can make
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

    /**
     * Reads what Shopify says is left to fulfil of each line of the order (one read of its fulfillment orders, every
     * page), as {@link #fulfil} reports it.
     *
     * @return empty when Shopify refuses the read (no token, no such order); it is not worth retrying
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    List<LineLeft> left(String shopDomain, String orderGid);

    /**
     * Lets the shipment's items ship: releases the holds this app placed on their fulfillment orders
     * ({@code fulfillmentOrderReleaseHold}) and opens their scheduled ones ({@code fulfillmentOrderOpen}).
     *
     * @return null when done, otherwise why not (held by the merchant or another app, nothing held, Shopify's refusal)
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    @Nullable String release(String shopDomain, String orderGid, List<Item> items);

    /**
     * Called right before a {@code fulfillmentCreate} is sent, with the shipment's items as resolved (for a request
     * without items: what Shopify said remained), which every later attempt must send as its items; throwing stops the
     * call, and nothing is sent.
     */
    @FunctionalInterface
    interface CreateJournal {
        void beforeCreate(List<Item> items);
    }

    /**
     * @param items what is shipped; empty: everything Shopify says remains of the order
     * @param createMayHaveBeenSent whether an earlier call may have sent a create (the caller's journal says so)
     * @param locationGid the Shopify location the shipment left from: items assigned elsewhere are moved there first
     *     ({@code fulfillmentOrderMove}, where Shopify allows it); null: wherever Shopify assigned them
     */
    record FulfillmentRequest(
            String shopDomain,
            String orderGid,
            List<Item> items,
            Tracking tracking,
            boolean notifyCustomer,
            boolean createMayHaveBeenSent,
            @Nullable String locationGid) {}

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

    /**
     * @param url tracks the shipment: sent with each tracking number
     */
    record Tracking(
            @Nullable String company,
            List<String> numbers,
            @Nullable String url) {}

    /**
     * What Shopify says is left to fulfil of one line of the order, after this call's creates.
     *
     * @param position 0-based position of the line in Shopify's order
     * @param fulfillmentOrders Shopify's fulfillment orders (gids) that list the line: how fulfillment_orders webhooks,
     *     which name those and not the order, find it
     */
    record LineLeft(
            long shopifyLineItemId, int position, @Nullable String sku, int quantity, List<String> fulfillmentOrders) {}

    sealed interface FulfillmentOutcome {

        /** Per line of the order, what is left to fulfil; empty when Shopify's order was not read. */
        List<LineLeft> left();

        /** Every item is fulfilled in Shopify; {@code fulfillments} were created by this call or found from an earlier one. */
        record Fulfilled(List<CreatedFulfillment> fulfillments, List<LineLeft> left) implements FulfillmentOutcome {}

        /** Enough remains, but Shopify holds or schedules (some of) it; nothing was created. */
        record Waiting(String reason, List<LineLeft> left) implements FulfillmentOutcome {}

        /**
         * Shopify cannot fulfil the shipment as asked (too little left, closed); {@code fulfillments} lists what was
         * created before the refusal, if anything.
         */
        record Refused(String reason, List<CreatedFulfillment> fulfillments, List<LineLeft> left)
                implements FulfillmentOutcome {}
    }

    record CreatedFulfillment(
            String gid, long legacyId, @Nullable String locationGid, String status) {}
}
