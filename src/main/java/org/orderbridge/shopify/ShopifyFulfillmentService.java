package org.orderbridge.shopify;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The app as a Shopify fulfillment service (a 3PL or warehouse): its registration with its own location, the fulfillment
 * orders assigned to that location, and its answers to the merchant's fulfillment and cancellation requests. Every call
 * blocks and runs under the same cost budget, retries and circuit breaker as {@link ShopifyOrders}.
 */
public interface ShopifyFulfillmentService {

    /**
     * The app's fulfillment service of this name in the shop.
     *
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     * @throws IllegalStateException when Shopify refused the read (no token, no scope)
     */
    Optional<Registration> find(String shopDomain, String name);

    /**
     * Registers the service ({@code fulfillmentServiceCreate}); Shopify makes its location. A create whose answer was
     * lost shows up in the next {@link #find}, and a repeated one is refused (the name is taken), never doubled.
     *
     * @throws IllegalStateException with Shopify's refusal
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    Registration register(String shopDomain, String name, String callbackUrl);

    /**
     * One page of the fulfillment orders assigned to the location in this assignment status
     * ({@code FULFILLMENT_REQUESTED}, {@code CANCELLATION_REQUESTED}, …).
     *
     * @throws IllegalStateException when Shopify refused the read
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    AssignedPage assigned(String shopDomain, String assignmentStatus, String locationGid, @Nullable String after);

    /**
     * The fulfillment order's state: its request status and whether anything of it is fulfilled.
     *
     * @return empty when Shopify does not show it to the app (gone, or assigned elsewhere)
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; try again later
     */
    Optional<RequestedFulfillmentOrder> read(String shopDomain, String fulfillmentOrderGid);

    /**
     * Sends one answer to the merchant's request.
     *
     * @param reason a {@code FulfillmentOrderRejectionReason}, for a rejected fulfillment request only
     * @return null when Shopify took it, otherwise its refusal
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled; whether it took the answer is
     *     then unknown: read the fulfillment order before answering again
     */
    @Nullable String answer(
            String shopDomain,
            String fulfillmentOrderGid,
            Answer answer,
            @Nullable String message,
            @Nullable String reason);

    enum Answer {
        ACCEPT_FULFILLMENT,
        REJECT_FULFILLMENT,
        ACCEPT_CANCELLATION,
        REJECT_CANCELLATION
    }

    record Registration(
            String serviceGid,
            String name,
            String locationGid,
            @Nullable String callbackUrl) {}

    record Assigned(String fulfillmentOrderGid, String orderGid, String status, String requestStatus) {}

    record AssignedPage(
            List<Assigned> fulfillmentOrders, @Nullable String endCursor) {}

    /**
     * @param fulfilled whether any of its items are fulfilled (a line's remaining quantity below its total); a
     *     fulfillment order of more lines than one read shows counts as fulfilled, the safe side for a cancellation
     */
    record RequestedFulfillmentOrder(String orderGid, String status, String requestStatus, boolean fulfilled) {}
}
