package org.orderbridge.reconcile;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param paginatedMaxRange a backfill over at most this much time reads Shopify's orders page by page; a longer one
 *     asks Shopify for a bulk operation, which costs no query budget while it runs and returns any number of orders in
 *     one file
 * @param workerInterval how often each instance looks for a backfill nobody works on: a new one, or one whose
 *     instance died
 * @param lease how long an instance owns a backfill without a sign of life; renewed at every checkpoint and poll, so
 *     it only has to outlast one Shopify call with its retries or one checkpoint's worth of orders
 * @param pollInterval how often a running bulk operation's status is asked for
 * @param checkpointEvery orders applied from a bulk result between two commits of the progress
 * @param applyBatch orders of a bulk result applied in one transaction (at most {@code checkpointEvery}); a batch
 *     holding an order that cannot be applied is applied order by order
 * @param concurrency backfills (of different shops) one instance works on at once
 */
@Validated
@ConfigurationProperties("orderbridge.backfill")
record BackfillProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2d") @NotNull Duration paginatedMaxRange,

        @DefaultValue("5s") @NotNull @DurationMin(millis = 10)
        Duration workerInterval,

        @DefaultValue("2m") @NotNull @DurationMin(seconds = 1)
        Duration lease,

        @DefaultValue("5s") @NotNull @DurationMin(millis = 10)
        Duration pollInterval,

        @DefaultValue("500") @Min(1) int checkpointEvery,
        @DefaultValue("100") @Min(1) int applyBatch,
        @DefaultValue("2") @Min(1) int concurrency) {}
