package org.orderbridge.push;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param queue the push queue (name or URL); messages are {@code {"orderId":"..."}}
 * @param deadLetterQueue where SQS moves a push message after the queue's maxReceiveCount
 * @param concurrency orders pushed at once by one instance
 * @param retry visibility backoff after a transient failure
 * @param relay the outbox relay that moves push requests from the database to the queue
 */
@Validated
@ConfigurationProperties("orderbridge.push")
record PushProperties(
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,
        @DefaultValue("8") @Min(1) @Max(100) int concurrency,
        @DefaultValue @NotNull @Valid Retry retry,
        @DefaultValue @NotNull @Valid Relay relay) {

    record Retry(
            @DefaultValue("5s") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10m") @NotNull Duration maxBackoff) {}

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
