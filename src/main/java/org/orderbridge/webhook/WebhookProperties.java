package org.orderbridge.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param secrets Shopify app client secrets that sign webhooks; several during a rotation
 * @param allowedShops shop domains accepted; empty accepts the shops that have an Admin API access token
 * @param maxBodySize largest webhook body accepted (Shopify's can exceed 1 MB)
 * @param maxMessageSize largest payload sent inline in an SQS message; larger ones go through the database
 * @param enqueueTimeout how long an acknowledgement waits for SQS before answering 503
 * @param sendBatchWindow how long a delivery may wait for others to share its SendMessageBatch: 20 ms fills batches
 *     that 5 ms left at two or three deliveries, for a fifth less CPU and allocation per acknowledgement
 *     (docs/benchmarks.md, "Send window")
 * @param concurrency messages processed at once by one instance
 * @param retry visibility backoff after a failed attempt
 * @param inFlightBodies memory that bodies being received may hold before their signature is checked
 * @param replayWindow a delivery whose {@code X-Shopify-Triggered-At} is older than this is acknowledged and dropped:
 *     Shopify retries a failed delivery 8 times over 4 hours
 *     (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism), so nothing Shopify still sends is older,
 *     with margin for clock skew and an outage of the queue
 */
@Validated
@ConfigurationProperties("orderbridge.webhook")
record WebhookProperties(
        @NotEmpty(message = "set SHOPIFY_WEBHOOK_SECRETS") List<@NotBlank String> secrets,
        @DefaultValue Set<String> allowedShops,
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,
        @DefaultValue("5MB") @NotNull DataSize maxBodySize,
        @DefaultValue("200KB") @NotNull DataSize maxMessageSize,
        @DefaultValue("3s") @NotNull Duration enqueueTimeout,
        @DefaultValue("20ms") @NotNull Duration sendBatchWindow,
        @DefaultValue("16") @Min(1) @Max(200) int concurrency,
        @DefaultValue @NotNull Retry retry,
        @DefaultValue @NotNull InFlightBodies inFlightBodies,
        @DefaultValue("6h") @NotNull @DurationMin(hours = 4) Duration replayWindow) {

    /**
     * @param maxReceives the webhook queue's maxReceiveCount (the AWS stack sets 6): the attempt that reaches it is
     *     logged as the last, with its stack
     */
    record Retry(
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("6") @Min(1) int maxReceives) {}

    /**
     * @param smallBodyLimit bodies up to this size draw on {@code smallBodies}, larger ones on {@code largeBodies}
     * @param maxWait how long a request waits for room before it is answered 503
     * @param readDeadline how long a body may take to arrive before it is answered 408 (checked between reads;
     *     one read that blocks is bounded by the server's connection timeout); Shopify itself gives up after 5 s
     */
    record InFlightBodies(
            @DefaultValue("64KB") @NotNull DataSize smallBodyLimit,
            @DefaultValue("16MB") @NotNull DataSize smallBodies,
            @DefaultValue("48MB") @NotNull DataSize largeBodies,
            @DefaultValue("100ms") @NotNull Duration maxWait,
            @DefaultValue("10s") @NotNull Duration readDeadline) {}

    @Override
    public String toString() {
        return "WebhookProperties[secrets=(" + secrets.size() + " redacted), allowedShops=" + allowedShops + ", queue="
                + queue + "]";
    }
}
