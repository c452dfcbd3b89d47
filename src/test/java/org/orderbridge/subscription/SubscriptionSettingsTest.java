package org.orderbridge.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

@Tag("unit")
class SubscriptionSettingsTest {

    private static final String ARN =
            "arn:aws:events:eu-west-1::event-source/aws.partner/shopify.com/123456/orderbridge-production";

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void checksHourlyFromStartByDefault() {
        context.withPropertyValues("orderbridge.subscriptions.callback-url=https://orders.example.com/webhooks/shopify")
                .run(ctx -> {
                    SubscriptionProperties settings = ctx.getBean(SubscriptionProperties.class);
                    assertThat(settings.enabled()).isTrue();
                    assertThat(settings.interval()).isEqualTo(Duration.ofHours(1));
                    assertThat(settings.initialDelay()).isZero();
                    assertThat(settings.target()).contains("https://orders.example.com/webhooks/shopify");
                });
    }

    @Test
    void hasNoTargetWhenNeitherIsSet() {
        context.withPropertyValues(
                        "orderbridge.subscriptions.callback-url=", "orderbridge.subscriptions.event-bridge-source-arn=")
                .run(ctx -> assertThat(ctx.getBean(SubscriptionProperties.class).target())
                        .isEmpty());
    }

    @Test
    void refusesAPlainHttpCallbackUrl() {
        context.withPropertyValues("orderbridge.subscriptions.callback-url=http://orders.example.com/webhooks/shopify")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .hasStackTraceContaining("callback-url must be an absolute https://"));
    }

    @Test
    void acceptsPlainHttpOnlyWhenAllowedForTheSimulator() {
        context.withPropertyValues(
                        "orderbridge.subscriptions.callback-url=http://127.0.0.1:8080/webhooks/shopify",
                        "orderbridge.subscriptions.allow-plain-http=true")
                .run(ctx -> assertThat(ctx.getBean(SubscriptionProperties.class).target())
                        .contains("http://127.0.0.1:8080/webhooks/shopify"));
    }

    @Test
    void refusesACallbackUrlThatIsNotAbsolute() {
        context.withPropertyValues("orderbridge.subscriptions.callback-url=/webhooks/shopify")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void targetsTheEventBridgeSourceWhenConfigured() {
        context.withPropertyValues("orderbridge.subscriptions.event-bridge-source-arn=" + ARN)
                .run(ctx -> assertThat(ctx.getBean(SubscriptionProperties.class).target())
                        .contains(ARN));
    }

    @Test
    void refusesAnArnThatIsNotAShopifyPartnerEventSource() {
        context.withPropertyValues(
                        "orderbridge.subscriptions.event-bridge-source-arn=arn:aws:sqs:eu-west-1:123456789012:orders")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("eventBridgeSourceArn"));
    }

    @Test
    void refusesBothTargetsAtOnce() {
        context.withPropertyValues(
                        "orderbridge.subscriptions.event-bridge-source-arn=" + ARN,
                        "orderbridge.subscriptions.callback-url=https://orders.example.com/webhooks/shopify")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("not both"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SubscriptionProperties.class)
    static class Settings {}
}
