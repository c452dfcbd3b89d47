package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

@Tag("unit")
class WebhookRetentionSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void keepsDeliveriesThirtyDaysAndOrphanedPayloadsAnHourByDefault() {
        context.run(ctx -> {
            WebhookRetentionProperties retention = ctx.getBean(WebhookRetentionProperties.class);
            assertThat(retention.deliveries()).isEqualTo(Duration.ofDays(30));
            assertThat(retention.orphanedPayloads()).isEqualTo(Duration.ofHours(1));
            assertThat(retention.enabled()).isTrue();
        });
    }

    @Test
    void refusesADeliveryRetentionInsideShopifysRetryWindow() {
        context.withPropertyValues("orderbridge.webhook.retention.deliveries=2d")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("deliveries"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebhookRetentionProperties.class)
    static class Settings {}
}
