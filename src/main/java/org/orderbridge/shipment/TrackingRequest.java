package org.orderbridge.shipment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code PUT /api/v1/orders/{id}/shipments/{shipmentId}/tracking}. */
record TrackingRequest(
        @Size(max = 255) @Nullable String carrier,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 255) String> trackingNumbers,

        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Nullable
        String trackingUrl,

        @Nullable Boolean notifyCustomer) {

    boolean notifies() {
        return Boolean.TRUE.equals(notifyCustomer);
    }
}
