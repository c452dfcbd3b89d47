package org.orderbridge.push;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param queue the push queue (name or URL); its messages are described in {@link PushMessages}
 * @param deadLetterQueue where SQS moves a push message after the queue's maxReceiveCount
 * @param concurrency messages pushed at once by one instance
 * @param retry visibility backoff after a transient failure
 * @param relay the outbox relay that moves push requests from the database to the queue
 * @param visibilityTimeout the push queue's VisibilityTimeout (the AWS stack sets 120 s): how long a received message
 *     stays hidden from other workers. Also how long a push lease lasts, so that a crashed worker's lease runs out
 *     about when its message comes back
 * @param deadline how long one push may take from the receipt of its message: Shopify's retries, the waits it asks
 *     for and the database work around them. The Shopify call gets what is left of it and ends in time; it must leave
 *     {@link #MARGIN} of the visibility timeout, so that no message reappears while its push is still running
 * @param leaseBusyBackoff how long a message is put back when another worker holds its subject's lease; doubles with each
 *     receive, never beyond the rest of that lease
 */
@Validated
@ConfigurationProperties("orderbridge.push")
record PushProperties(
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,
        @DefaultValue("8") @Min(1) @Max(100) int concurrency,
        @DefaultValue @NotNull @Valid Retry retry,
        @DefaultValue @NotNull @Valid Relay relay,

        @DefaultValue("120s") @NotNull @DurationMin(seconds = 15) @DurationMax(hours = 12)
        Duration visibilityTimeout,

        @DefaultValue("90s") @NotNull @DurationMin(seconds = 1)
        Duration deadline,

        @DefaultValue("2s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 15)
        Duration leaseBusyBackoff) {

    /** Time kept between a push's deadline and its message's reappearance: reading, leasing, recording, releasing. */
    static final Duration MARGIN = Duration.ofSeconds(10);

    @AssertTrue(message = "deadline must be at least 10s shorter than visibility-timeout") boolean isDeadlineWithinVisibilityTimeout() {
        return visibilityTimeout == null
                || deadline == null
                || deadline.plus(MARGIN).compareTo(visibilityTimeout) <= 0;
    }

    /**
     * @param maxReceives the push queue's maxReceiveCount (the AWS stack sets 8): the attempt that reaches it is
     *     logged as the last, with its stack
     */
    record Retry(
            @DefaultValue("5s") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10m") @NotNull Duration maxBackoff,
            @DefaultValue("8") @Min(1) int maxReceives) {}

    /**
     * @param pollInterval pause after a pass that found fewer rows than a batch
     * @param batchSize rows claimed per pass
     * @param maxBackoff longest pause after consecutive failures (SQS or database down)
     * @param sendTimeout how long one pass waits for SQS before giving up (its rows stay)
     */
    record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") @NotNull Duration pollInterval,
            @DefaultValue("50") @Min(1) @Max(500) int batchSize,
            @DefaultValue("30s") @NotNull Duration maxBackoff,
            @DefaultValue("5s") @NotNull Duration sendTimeout) {}
}
