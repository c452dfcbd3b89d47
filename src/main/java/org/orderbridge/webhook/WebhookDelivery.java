package org.orderbridge.webhook;

import org.jspecify.annotations.Nullable;

/**
 * One Shopify webhook as received, by HTTP or through EventBridge; the same record travels through SQS.
 *
 * @param payload the body exactly as Shopify signed it (UTF-8 JSON)
 */
record WebhookDelivery(
        String topic,
        String shopDomain,
        String webhookId,
        @Nullable String eventId,
        @Nullable String triggeredAt,
        @Nullable String apiVersion,
        byte[] payload) {}
