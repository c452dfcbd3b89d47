package org.orderbridge.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long webhook bookkeeping is kept.
 *
 * @param deliveries age after which a {@code webhook_delivery} row is deleted. Only that row makes a repeated delivery
 *     a duplicate: a delivery of the same webhook id arriving after it is gone is applied again. Shopify retries a
 *     failed delivery for 48 hours, hence at least 3 days. Also the age at which a queued claim-checked payload that
 *     was never read is deleted: keep it above the dead-letter queues' retention (14 days), or a dead letter re-driven
 *     late finds its payload gone
 * @param orphanedPayloads age after which a claim-checked payload whose message SQS never accepted is deleted
 * @param interval pause between two runs (each run deletes until nothing is left)
 * @param batchSize rows deleted per transaction
 */
@Validated
@ConfigurationProperties("orderbridge.webhook.retention")
record WebhookRetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30d") @NotNull @DurationMin(days = 3) Duration deliveries,

        @DefaultValue("1h") @NotNull @DurationMin(minutes = 10)
        Duration orphanedPayloads,

        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1)
        Duration interval,

        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize) {}
