package org.orderbridge.reconcile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.orderbridge.shopify.ShopifyOrderFeed;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled         whether passes run at all, on schedule and when asked for ({@code reconcileNow})
 * @param interval        time between two passes of a shop
 * @param overlap         how far before the watermark each pass starts reading: covers Shopify's search index lagging
 *                        behind an order's update, and clocks that disagree
 * @param webhookGrace    orders updated this recently are left to their webhooks (and the next pass), so that a webhook
 *                        still on its way is not counted as missed
 * @param initialLookback how far back the first pass of a shop reads; older history is backfill's job
 * @param pageSize        orders per {@code orders} query, at most {@link ShopifyOrderFeed#MAX_ORDERS_PER_PAGE}: 10
 *                        orders with 20 line items each stay below Shopify's 1,000 points per query
 * @param lease           how long a pass holds its shop without renewing (it renews after every page); a crashed
 *                        instance's pass is taken over this long after its last page
 * @param retryAfterFailure when a pass that failed (Shopify unavailable) is tried again, unless Shopify asked for longer
 */
@Validated
@ConfigurationProperties("orderbridge.reconciliation")
record ReconciliationProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("5m") @NotNull @DurationMin(seconds = 1)
        Duration interval,

        @DefaultValue("5m") @NotNull Duration overlap,
        @DefaultValue("1m") @NotNull Duration webhookGrace,
        @DefaultValue("1d") @NotNull Duration initialLookback,

        @DefaultValue("10") @Min(1) @Max(ShopifyOrderFeed.MAX_ORDERS_PER_PAGE) int pageSize,

        @DefaultValue("3m") @NotNull @DurationMin(seconds = 1)
        Duration lease,

        @DefaultValue("1m") @NotNull Duration retryAfterFailure) {}
