package org.orderbridge.shop;

/** What became of a compliance request. */
public enum ComplianceOutcome {
    /** Recorded (an uninstall, a data request answered). */
    RECORDED,
    /** A customer's data, or the whole shop, erased. */
    REDACTED,
    /** A shop/redact waits for an operator. */
    PARKED
}
