package org.orderbridge.shop;

/**
 * A compliance request that cannot be trusted to come from the shop it names (another topic's shape, another shop's
 * body or id): never applied, and never worth retrying.
 */
public class UntrustedComplianceRequest extends RuntimeException {

    private final String reason;

    UntrustedComplianceRequest(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** What makes the request untrustworthy, as the dead letter says it. */
    public String reason() {
        return reason;
    }
}
