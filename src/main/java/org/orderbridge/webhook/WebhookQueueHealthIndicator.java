package org.orderbridge.webhook;

import org.orderbridge.platform.HealthProperties;
import org.orderbridge.platform.TimeLimitedHealthCheck;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Without the webhook queue this instance cannot acknowledge a single webhook, so it is not ready. */
@Component("sqs")
class WebhookQueueHealthIndicator implements HealthIndicator {

    private final WebhookQueue queue;
    private final HealthProperties properties;

    WebhookQueueHealthIndicator(WebhookQueue queue, HealthProperties properties) {
        this.queue = queue;
        this.properties = properties;
    }

    @Override
    public Health health() {
        return TimeLimitedHealthCheck.run(properties.timeout(), () -> {
            queue.check(properties.timeout());
            return Health.up().build();
        });
    }
}
