package org.orderbridge.order;

import java.time.Instant;

/**
 * The right to push one order to Shopify, held by one worker until it releases it or the lease expires.
 *
 * @param owner who holds it: unique per push attempt, so two threads of one process never share a lease
 * @param createAttempted whether some worker, in this process or another, before or after a crash, has sent (or was
 *     about to send) orderCreate for this order: the order may then exist in Shopify although nobody saw it created
 */
record PushLease(OrderId orderId, String owner, Instant until, boolean createAttempted) {}
