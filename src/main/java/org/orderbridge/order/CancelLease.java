package org.orderbridge.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The order's lease, taken for its cancellation in Shopify.
 *
 * @param sentAt when an orderCancel last left (or was about to) for the order, by any worker; null when none did
 */
record CancelLease(PushLease lease, @Nullable Instant sentAt) {}
