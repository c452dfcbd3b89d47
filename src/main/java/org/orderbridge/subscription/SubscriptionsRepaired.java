package org.orderbridge.subscription;

/**
 * A check found the shop's webhook subscriptions incomplete or misdirected and repaired them: Shopify had dropped (or
 * was sending elsewhere) deliveries for this shop, so webhooks may have been missed until now. Published once per
 * check with repairs, on the instance that made them, after the check and outside any transaction.
 *
 * @param repairs subscriptions created or repointed
 */
public record SubscriptionsRepaired(String shop, int repairs) {}
