package org.orderbridge.reconcile;

/** What applying one order read from Shopify changed. */
public enum ApplyOutcome {
    /** The order was not stored: every webhook that would have brought it was missed. */
    CREATED,
    /** A newer state than the stored one: at least one webhook was missed (or is still on its way). */
    UPDATED,
    /** The stored order is as new as Shopify's, or newer: nothing was missed. */
    CURRENT;

    /** Whether the order had drifted from Shopify, i.e. webhooks were missed. */
    public boolean drifted() {
        return this != CURRENT;
    }
}
