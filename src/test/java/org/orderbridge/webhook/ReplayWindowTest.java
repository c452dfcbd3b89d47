package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.webhook.ReplayWindow.Verdict;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Tag("unit")
class ReplayWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final ReplayWindow window = new ReplayWindow(Duration.ofHours(6), Clock.fixed(NOW, ZoneOffset.UTC));

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "orderbridge.webhook.secrets=s",
                    "orderbridge.webhook.queue=q",
                    "orderbridge.webhook.dead-letter-queue=d");

    @Test
    void refusesADeliveryTriggeredBeforeTheWindow() {
        assertThat(window.judge("2026-12-06T05:59:59Z")).isEqualTo(Verdict.STALE);
        assertThat(window.judge("2026-12-06T00:59:00-05:00")).isEqualTo(Verdict.STALE);
    }

    @Test
    void acceptsADeliveryShopifyMayStillBeRetrying() {
        assertThat(window.judge("2026-12-06T06:00:01Z")).isEqualTo(Verdict.FRESH);
        assertThat(window.judge("2026-12-06T08:00:00.123456789Z")).isEqualTo(Verdict.FRESH);
    }

    @Test
    void acceptsButFlagsADeliveryWithoutAReadableTimestamp() {
        assertThat(window.judge(null)).isEqualTo(Verdict.UNCHECKED);
        assertThat(window.judge("2026-13-45T99:00:00Z")).isEqualTo(Verdict.UNCHECKED);
        assertThat(window.judge("12345")).isEqualTo(Verdict.UNCHECKED);
    }

    @Test
    void coversShopifysRetriesWithMarginByDefault() {
        context.run(ctx ->
                assertThat(ctx.getBean(WebhookProperties.class).replayWindow()).isEqualTo(Duration.ofHours(6)));
    }

    @Test
    void refusesAWindowShorterThanShopifysRetries() {
        context.withPropertyValues("orderbridge.webhook.replay-window=3h")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("replayWindow"));
    }

    @Test
    void refusesToStartWhenDeliveriesAreForgottenInsideTheWindow() {
        context.withPropertyValues(
                        "orderbridge.webhook.replay-window=5d", "orderbridge.webhook.retention.deliveries=4d")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .hasStackTraceContaining("must be at least orderbridge.webhook.replay-window"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({WebhookProperties.class, WebhookRetentionProperties.class})
    @Import(ReplayWindowRetention.class)
    static class Settings {}
}
