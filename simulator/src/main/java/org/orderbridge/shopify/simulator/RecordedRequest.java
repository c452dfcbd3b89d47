package org.orderbridge.shopify.simulator;

import java.time.Duration;
import java.util.List;

/**
 * One request as the simulator saw it.
 *
 * @param receivedAtNanos {@link System#nanoTime()} on arrival, for measuring gaps between requests
 * @param askedToWait     how long a THROTTLED or Retry-After answer told the client to wait, else zero
 * @param orderRef        the caller's order id the request is about (an orderCreate's {@code sourceIdentifier}, an
 *                        orderByIdentifier's custom id value), or null: tells apart the requests for one order
 */
public record RecordedRequest(
        long receivedAtNanos,
        String shop,
        List<String> rootFields,
        Outcome outcome,
        Duration askedToWait,
        String orderRef) {

    public RecordedRequest(
            long receivedAtNanos, String shop, List<String> rootFields, Outcome outcome, Duration askedToWait) {
        this(receivedAtNanos, shop, rootFields, outcome, askedToWait, null);
    }

    public enum Outcome {
        OK,
        GRAPHQL_ERRORS,
        THROTTLED,
        UNAUTHORIZED,
        UNKNOWN_SHOP,
        BAD_REQUEST,
        INJECTED_STATUS,
        INJECTED_RESET,
        INJECTED_DROP_AFTER_COMMIT,
        INJECTED_DELAY,
        INJECTED_USER_ERROR
    }

    public boolean isFor(String rootField) {
        return rootFields.contains(rootField);
    }

    /** Whether this is a {@code rootField} request about the caller's order {@code orderRef}. */
    public boolean isFor(String rootField, String orderRef) {
        return isFor(rootField) && orderRef.equals(this.orderRef);
    }
}
