package org.orderbridge.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/orders}. Limits follow what Shopify accepts for an order. */
record CreateOrderRequest(
        @Schema(description = "The caller's id of the order, unique per shop; repeating it is a safe retry")
        @NotBlank @Size(max = 255) String externalId,

        @Schema(example = "example.myshopify.com")
        @NotBlank @Size(max = 255) @Pattern(
                regexp = "[a-z0-9][a-z0-9-]*\\.myshopify\\.com",
                message = "must be a shop domain such as example.myshopify.com")
        String shop,

        @NotNull @Valid CustomerRequest customer,
        @NotNull @Valid AddressRequest shippingAddress,
        @Valid @Nullable AddressRequest billingAddress,
        @NotEmpty @Size(max = 250) List<@NotNull @Valid LineRequest> lineItems,
        @Schema(example = "EUR") @NotBlank @CurrencyCode String currency,
        @Size(max = 5000) @Nullable String note,
        @Size(max = 250) @Nullable List<@NotBlank @Size(max = 40) String> tags) {

    record CustomerRequest(
            @NotBlank @Email @Size(max = 255) String email,
            @Size(max = 255) @Nullable String firstName,
            @Size(max = 255) @Nullable String lastName,
            @Size(max = 32) @Nullable String phone) {}

    record AddressRequest(
            @Size(max = 255) @Nullable String firstName,
            @Size(max = 255) @Nullable String lastName,
            @Size(max = 255) @Nullable String company,
            @NotBlank @Size(max = 255) String address1,
            @Size(max = 255) @Nullable String address2,
            @NotBlank @Size(max = 255) String city,

            @Schema(
                    description = "Kept with the order, not sent to Shopify, which names the province after "
                            + "provinceCode (its province input is deprecated)")
            @Size(max = 255) @Nullable String province,

            @Schema(description = "The province, state or region code, e.g. QC or NY: what Shopify goes by")
            @Size(max = 16) @Nullable String provinceCode,

            @Size(max = 32) @Nullable String zip,

            @Schema(
                    description = "Kept with the order, not sent to Shopify, which names the country after countryCode "
                            + "(its country input is deprecated)")
            @Size(max = 255) @Nullable String country,

            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String countryCode,

            @Size(max = 32) @Nullable String phone) {

        Address toAddress() {
            return new Address(
                    firstName,
                    lastName,
                    company,
                    address1,
                    address2,
                    city,
                    province,
                    provinceCode,
                    zip,
                    country,
                    countryCode,
                    phone);
        }
    }

    /**
     * @param requiresShipping left out of the content hash when absent, as {@code taxable} is: requests from before
     *     these fields existed must hash as they did, or their retries would be taken for other orders
     */
    record LineRequest(
            @Size(max = 255) @Nullable String sku,
            @Positive @Nullable Long variantId,
            @NotBlank @Size(max = 255) String title,
            @Min(1) @Max(100000) int quantity,

            @Schema(description = "Decimal string in the order's currency", example = "19.90")
            @NotNull @Pattern(regexp = "\\d{1,13}(\\.\\d{1,4})?", message = "must be a decimal string such as 19.90")
            String unitPrice,

            @Schema(
                    description = "Lines without variantId only: whether the item is shipped (true when left out). The "
                            + "variant's own setting applies to a line with variantId.")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Nullable Boolean requiresShipping,

            @Schema(
                    description = "Lines without variantId only: whether the item is taxed (true when left out). The "
                            + "variant's own setting applies to a line with variantId.")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Nullable Boolean taxable) {

        /** Shopify needs one or the other to know what is sold. */
        @Schema(hidden = true)
        @AssertTrue(message = "sku or variantId is required") boolean isSkuOrVariantId() {
            return (sku != null && !sku.isBlank()) || variantId != null;
        }

        /** A catalogue variant's shipping and tax settings are the merchant's, kept on the variant in Shopify. */
        @Schema(hidden = true)
        @AssertTrue(message = "requiresShipping and taxable apply to lines without variantId only") boolean isCustomLineSettingsWithoutVariant() {
            return variantId == null || (requiresShipping == null && taxable == null);
        }
    }
}
