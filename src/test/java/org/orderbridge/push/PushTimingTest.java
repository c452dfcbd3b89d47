package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The push's time limits, without a queue: the deadline fits the visibility timeout, busy messages back off. */
@Tag("unit")
class PushTimingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues("orderbridge.push.queue=push", "orderbridge.push.dead-letter-queue=push-dlq");

    @Test
    void defaultsEndEveryPushWellBeforeItsMessageReappears() {
        context.run(ctx -> {
            PushProperties properties = ctx.getBean(PushProperties.class);
            assertThat(properties.visibilityTimeout()).isEqualTo(Duration.ofSeconds(120));
            assertThat(properties.deadline().plus(PushProperties.MARGIN))
                    .isLessThanOrEqualTo(properties.visibilityTimeout());
        });
    }

    @Test
    void refusesADeadlineThatLeavesLessThanTheMarginOfTheVisibilityTimeout() {
        context.withPropertyValues("orderbridge.push.deadline=115s")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .hasStackTraceContaining("deadline must be at least 10s shorter than visibility-timeout"));
        context.withPropertyValues("orderbridge.push.visibility-timeout=60s", "orderbridge.push.deadline=50s")
                .run(ctx -> assertThat(ctx).hasNotFailed());
    }

    @Test
    void busyMessageBacksOffLongerWithEachReceiveButNotBeyondTheLease() {
        Duration base = Duration.ofSeconds(2);
        Duration visibility = Duration.ofSeconds(120);
        Duration longLease = Duration.ofSeconds(110);

        assertThat(samples(base, visibility, 1, longLease))
                .allSatisfy(s -> assertThat(s).isBetween(1, 2));
        assertThat(samples(base, visibility, 4, longLease))
                .allSatisfy(s -> assertThat(s).isBetween(8, 16));
        // A long-held lease cannot use up the message's receives: by the seventh the wait reaches the lease's end.
        assertThat(samples(base, visibility, 7, longLease))
                .allSatisfy(s -> assertThat(s).isBetween(56, 111));
        // Never much later than the lease's end, in case its holder died.
        assertThat(samples(base, visibility, 6, Duration.ofMillis(2_500)))
                .allSatisfy(s -> assertThat(s).isBetween(2, 3));
        assertThat(samples(base, visibility, 1, Duration.ZERO))
                .allSatisfy(s -> assertThat(s).isEqualTo(1));
    }

    @Test
    void failedPushComesBackAfterTheBackoffButNeverSoonerThanShopifyAsked() {
        var retry = new PushProperties.Retry(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(10), 8);

        assertThat(IntStream.range(0, 200).map(i -> PushListener.retrySeconds(retry, 1, null)))
                .allSatisfy(s -> assertThat(s).isBetween(1, 5));
        assertThat(IntStream.range(0, 200).map(i -> PushListener.retrySeconds(retry, 4, Duration.ZERO)))
                .allSatisfy(s -> assertThat(s).isBetween(1, 40));
        assertThat(IntStream.range(0, 200).map(i -> PushListener.retrySeconds(retry, 30, null)))
                .allSatisfy(s -> assertThat(s).isBetween(1, 600));
        // Shopify's Retry-After of half an hour, beyond what a push may sit out, is kept in the message instead.
        assertThat(PushListener.retrySeconds(retry, 1, Duration.ofMinutes(30))).isEqualTo(1800);
        assertThat(PushListener.retrySeconds(retry, 1, Duration.ofMillis(5_200)))
                .isGreaterThanOrEqualTo(6);
        assertThat(PushListener.retrySeconds(retry, 1, Duration.ofDays(2))).isEqualTo(43_200);
    }

    private static List<Integer> samples(Duration base, Duration visibility, int receives, Duration leaseRemaining) {
        return IntStream.range(0, 200)
                .mapToObj(i -> PushListener.busyBackoffSeconds(base, visibility, receives, leaseRemaining))
                .toList();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PushProperties.class)
    static class Settings {}
}
