package org.orderbridge.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of an order in its view: what Shopify said is left to ship of it, and when. */
public record LeftToShip(
        @Schema(description = "Our line item id: the line's 1-based position")
        int lineItem,

        @Nullable Long shopifyLineItemId,
        @Nullable String sku,

        @Schema(
                description = "Left to ship: Shopify's remaining quantity over the line's open, held and scheduled"
                        + " fulfillment orders")
        int quantity,

        @Schema(description = "When Shopify's fulfillment orders were read")
        Instant readAt,

        @Schema(
                description = "Shopify announced a change since (an order edit, a refund, fulfillment orders cancelled,"
                        + " moved, split or merged); a read is under way and replaces these figures")
        boolean stale) {}
