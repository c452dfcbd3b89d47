package org.orderbridge.shipment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/orders/{id}/shipments}. */
record CreateShipmentRequest(
        @Schema(description = "The caller's id of the shipment, unique per order; repeating it is a safe retry")
        @NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9._~-]+", message = "must be URL-safe (A-Z a-z 0-9 . _ ~ -)")
        String shipmentId,

        @Schema(description = "What is shipped; omitted: everything Shopify says remains of the order when it ships")
        @Size(max = 250) @Nullable List<@NotNull @Valid ItemRequest> items,

        @Schema(example = "UPS") @Size(max = 255) @Nullable String carrier,

        @Schema(description = "At least one; Shopify's fulfillments are recognised by it after a lost answer")
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 255) String> trackingNumbers,

        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Nullable
        String trackingUrl,

        @Nullable Boolean notifyCustomer,

        @Schema(
                description = "Where it left from: a warehouse code configured for the shop, or a Shopify location id"
                        + " (gid://shopify/Location/…); items Shopify assigned elsewhere are moved there first. Omitted:"
                        + " fulfilled wherever Shopify assigned the items",
                example = "WH-BERLIN")
        @Size(max = 255) @Nullable String location) {

    /**
     * @param lineItem our line item id: the line's 1-based position in the order's lineItems
     */
    record ItemRequest(
            @Size(max = 255) @Nullable String sku,
            @Min(1) @Nullable Integer lineItem,
            @NotNull @Min(1) Integer quantity) {

        @AssertTrue(message = "give either sku or lineItem") boolean isIdentified() {
            return (sku == null) != (lineItem == null);
        }
    }

    boolean notifies() {
        return Boolean.TRUE.equals(notifyCustomer);
    }

    @Nullable List<ItemRequest> itemsOrNull() {
        return items == null || items.isEmpty() ? null : items;
    }
}
