package org.orderbridge.webhook;

/** What processing a delivery did; recorded with the delivery and counted. */
enum WebhookOutcome {
    CREATED,
    UPDATED,
    LINKED,
    STALE,
    DELETED,
    RECORDED,
    REDACTED,
    PARKED,
    NOT_FOUND,
    DUPLICATE,
    DUPLICATE_EVENT,
    /** The shop was erased: nothing of the delivery is kept or applied. */
    ERASED_SHOP
}
