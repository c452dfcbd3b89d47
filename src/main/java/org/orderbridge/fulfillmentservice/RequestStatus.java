package org.orderbridge.fulfillmentservice;

/**
 * Where the merchant's request for one fulfillment order stands on our side, as Shopify's request statuses go
 * (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderRequestStatus): a submitted request is
 * accepted or rejected; the merchant may ask to cancel an accepted one, which is then accepted (the fulfillment order
 * is cancelled) or rejected (we fulfil on). Each move is a method that refuses what does not follow.
 */
public enum RequestStatus {
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    CANCELLATION_REQUESTED,
    CANCELLATION_REJECTED,
    CANCELLED;

    RequestStatus accept() {
        return move(this == SUBMITTED, ACCEPTED, "accept");
    }

    RequestStatus reject() {
        return move(this == SUBMITTED, REJECTED, "reject");
    }

    /** The merchant asks again after a rejection (Shopify lets a rejected fulfillment order be requested again). */
    RequestStatus resubmit() {
        return move(this == REJECTED, SUBMITTED, "submit again");
    }

    RequestStatus cancellationRequested() {
        return move(
                this == ACCEPTED || this == CANCELLATION_REJECTED, CANCELLATION_REQUESTED, "request cancellation of");
    }

    RequestStatus acceptCancellation() {
        return move(this == CANCELLATION_REQUESTED, CANCELLED, "accept the cancellation of");
    }

    RequestStatus rejectCancellation() {
        return move(this == CANCELLATION_REQUESTED, CANCELLATION_REJECTED, "reject the cancellation of");
    }

    /** Whether we said we fulfil it: shipments may be reported on its fulfillment order. */
    boolean accepted() {
        return this == ACCEPTED || this == CANCELLATION_REQUESTED || this == CANCELLATION_REJECTED;
    }

    private RequestStatus move(boolean allowed, RequestStatus to, String action) {
        if (!allowed) {
            throw new IllegalRequestTransitionException(
                    "Cannot " + action + " a fulfillment request that is " + name().toLowerCase(java.util.Locale.ROOT));
        }
        return to;
    }
}
