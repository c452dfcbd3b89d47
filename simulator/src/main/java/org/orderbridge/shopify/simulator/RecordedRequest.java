package org.orderbridge.shopify.simulator;

import java.time.Duration;
import java.util.List;

/**
 * One request as the simulator saw it.
 *
 * @param receivedAtNanos {@link System#nanoTime()} on arrival, for measuring gaps between requests
 * @param askedToWait     how long a THROTTLED or Retry-After answer told the client to wait, else zero
 */
public record RecordedRequest(
        long receivedAtNanos, String shop, List<String> rootFields, Outcome outcome, Duration askedToWait) {

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
}
