package org.orderbridge.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/orders/{id}/cancel}: Shopify's {@code orderCancel} arguments. Optional for an order
 * that has not reached Shopify; {@code reason} and {@code restock} are required for one that has.
 */
record CancelOrderRequest(
        @Schema(
                description = "Shopify's OrderCancelReason",
                allowableValues = {"CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "STAFF", "OTHER"})
        @Pattern(
                regexp = "CUSTOMER|DECLINED|FRAUD|INVENTORY|STAFF|OTHER",
                message = "must be one of CUSTOMER, DECLINED, FRAUD, INVENTORY, STAFF, OTHER")
        @Nullable String reason,

        @Schema(description = "Put the stock the order committed back") @Nullable Boolean restock,

        @Schema(description = "Refund what was paid to the original payment methods; default false") @Nullable Boolean refund,

        @Schema(description = "Send Shopify's cancellation notice to the customer; default false") @Nullable Boolean notifyCustomer,

        @Schema(description = "For the merchant's staff, not shown to the customer") @Size(max = 255) @Nullable String staffNote) {

    /** What an order in Shopify is cancelled with; every argument Shopify requires must be given. */
    CancelRequest forOrderInShopify(OrderId id) {
        if (reason == null || restock == null) {
            throw new IncompleteCancelRequestException(id, reason == null, restock == null);
        }
        return new CancelRequest(
                CancelReason.valueOf(reason),
                restock,
                Boolean.TRUE.equals(refund),
                Boolean.TRUE.equals(notifyCustomer),
                staffNote);
    }

    /** What a withdrawn order's copy in Shopify, if a push under way made one, is cancelled with. */
    CancelRequest forWithdrawnOrder() {
        CancelRequest defaults = CancelRequest.WITHDRAWN;
        return new CancelRequest(
                reason == null ? defaults.reason() : CancelReason.valueOf(reason),
                restock == null ? defaults.restock() : restock,
                Boolean.TRUE.equals(refund),
                Boolean.TRUE.equals(notifyCustomer),
                staffNote);
    }
}
