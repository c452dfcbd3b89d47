package org.orderbridge.webhook;

import org.springframework.stereotype.Component;

/**
 * Fails the start when the delivery records are kept for less than the replay window: a replay arriving after its
 * delivery's record was deleted, yet inside the window, would be applied again.
 */
@Component
class ReplayWindowRetention {

    ReplayWindowRetention(WebhookProperties webhooks, WebhookRetentionProperties retention) {
        if (retention.deliveries().compareTo(webhooks.replayWindow()) < 0) {
            throw new IllegalStateException("orderbridge.webhook.retention.deliveries (" + retention.deliveries()
                    + ") must be at least orderbridge.webhook.replay-window (" + webhooks.replayWindow()
                    + "): a replay inside the window would find its delivery forgotten and be applied again");
        }
    }
}
