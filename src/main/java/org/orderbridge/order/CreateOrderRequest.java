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
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orderbridge.order.CommercialTermsRequests.CustomAttributeRequest;
import org.orderbridge.order.CommercialTermsRequests.DiscountRequest;
import org.orderbridge.order.CommercialTermsRequests.LineDiscountRequest;
import org.orderbridge.order.CommercialTermsRequests.PresentmentRequest;
import org.orderbridge.order.CommercialTermsRequests.ShippingLineRequest;
import org.orderbridge.order.CommercialTermsRequests.TaxLineRequest;
import org.orderbridge.order.CommercialTermsRequests.TransactionRequest;

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
        @Size(max = 250) @Nullable List<@NotBlank @Size(max = 40) String> tags,

        @Schema(description = "Shipping charged to the buyer")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 50) @Nullable List<@NotNull @Valid ShippingLineRequest> shippingLines,

        @Schema(
                description =
                        "Taxes of the whole order, which Shopify splits across the taxable lines; either these or "
                                + "the lines' own taxLines")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 50) @Nullable List<@NotNull @Valid TaxLineRequest> taxLines,

        @Schema(description = "Whether the prices include the taxes (false when left out)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable Boolean taxesIncluded,

        @Schema(description = "The order's discount code; not together with line discounts")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Valid @Nullable DiscountRequest discount,

        @Schema(description = "Payments made or authorized outside Shopify; they make the order's financial status")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 50) @Nullable List<@NotNull @Valid TransactionRequest> transactions,

        @Schema(
                description = "The financial status to record instead of the one the transactions make",
                allowableValues = {
                    "AUTHORIZED",
                    "EXPIRED",
                    "PAID",
                    "PARTIALLY_PAID",
                    "PARTIALLY_REFUNDED",
                    "PENDING",
                    "REFUNDED",
                    "VOIDED"
                })
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Pattern(
                regexp = "AUTHORIZED|EXPIRED|PAID|PARTIALLY_PAID|PARTIALLY_REFUNDED|PENDING|REFUNDED|VOIDED",
                message = "must be one of AUTHORIZED, EXPIRED, PAID, PARTIALLY_PAID, PARTIALLY_REFUNDED, PENDING,"
                        + " REFUNDED, VOIDED")
        @Nullable String financialStatus,

        @Schema(description = "The buyer's purchase order number", example = "PO-2026-0042")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 255) @Nullable String poNumber,

        @Schema(description = "The currency the buyer saw, when it is not the order's: every amount is also sent in it")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Valid @Nullable PresentmentRequest presentment,

        @Schema(description = "The B2B buyer's company location", example = "gid://shopify/CompanyLocation/1234")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Pattern(
                regexp = "gid://shopify/CompanyLocation/[1-9]\\d{0,18}",
                message = "must be a company location id such as gid://shopify/CompanyLocation/1234")
        @Nullable String companyLocationId,

        @Schema(description = "Extra details shown with the order in Shopify's admin")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 100) @Nullable List<@NotNull @Valid CustomAttributeRequest> customAttributes,

        @Schema(description = "When the order was placed, for an order imported after the fact; not in the future")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @PastOrPresent @Nullable Instant processedAt,

        @Schema(description = "A test order (false when left out)") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean test) {

    /** The order as it was requested before the commercial terms existed: none of them given. */
    CreateOrderRequest(
            String externalId,
            String shop,
            CustomerRequest customer,
            AddressRequest shippingAddress,
            @Nullable AddressRequest billingAddress,
            List<LineRequest> lineItems,
            String currency,
            @Nullable String note,
            @Nullable List<String> tags) {
        this(
                externalId,
                shop,
                customer,
                shippingAddress,
                billingAddress,
                lineItems,
                currency,
                note,
                tags,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Shopify's orderCreate takes one discount code, which carries the line discounts when there are any. */
    @Schema(hidden = true)
    @AssertTrue(message = "line discounts and an order discount cannot be combined: give one or the other") boolean isOneKindOfDiscount() {
        return discount == null
                || lineItems == null
                || lineItems.stream().noneMatch(l -> l != null && l.discount() != null);
    }

    /**
     * Shopify's rule (admin-graphql OrderCreateOrderInput.taxLines): "tax lines can be specified on the order or the
     * line items but not both".
     */
    @Schema(hidden = true)
    @AssertTrue(message = "taxLines go on the order or on the lines, not both") boolean isTaxedOnOneLevel() {
        return taxLines == null
                || taxLines.isEmpty()
                || lineItems == null
                || lineItems.stream()
                        .noneMatch(l -> l != null
                                && l.taxLines() != null
                                && !l.taxLines().isEmpty());
    }

    @Schema(hidden = true)
    @AssertTrue(message = "presentment.currency must differ from currency; leave presentment out otherwise") boolean isPresentmentAnotherCurrency() {
        return presentment == null || !presentment.currency().equals(currency);
    }

    /** The terms as the order keeps them; {@link CommercialTerms#NONE} when the request gives none. */
    CommercialTerms commercialTerms() {
        List<CommercialTerms.LineTerms> lines = lineItems.stream()
                .map(l -> new CommercialTerms.LineTerms(
                        l.discount() == null
                                ? null
                                : new CommercialTerms.LineDiscount(
                                        decimal(l.discount().amount()),
                                        decimal(l.discount().percentage()),
                                        l.discount().description()),
                        taxes(l.taxLines())))
                .toList();
        boolean lineTerms = lines.stream()
                .anyMatch(l -> l.discount() != null || !l.taxLines().isEmpty());
        var terms = new CommercialTerms(
                lineTerms ? lines : List.of(),
                shippingLines == null
                        ? List.of()
                        : shippingLines.stream()
                                .map(s -> new CommercialTerms.ShippingLine(
                                        s.title(), s.code(), new BigDecimal(s.price()), taxes(s.taxLines())))
                                .toList(),
                taxes(taxLines),
                Boolean.TRUE.equals(taxesIncluded),
                discount == null
                        ? null
                        : new CommercialTerms.Discount(
                                discount.code(),
                                CommercialTerms.DiscountType.valueOf(discount.type()),
                                decimal(discount.value())),
                transactions == null
                        ? List.of()
                        : transactions.stream()
                                .map(t -> new CommercialTerms.Transaction(
                                        t.kind(), t.gateway(), new BigDecimal(t.amount()), t.status()))
                                .toList(),
                financialStatus,
                poNumber,
                presentment == null
                        ? null
                        : new CommercialTerms.Presentment(presentment.currency(), new BigDecimal(presentment.rate())),
                companyLocationId,
                customAttributes == null
                        ? List.of()
                        : customAttributes.stream()
                                .map(a -> new CommercialTerms.CustomAttribute(a.name(), a.value()))
                                .toList(),
                Boolean.TRUE.equals(test));
        return terms.equals(CommercialTerms.NONE) ? CommercialTerms.NONE : terms;
    }

    private static List<CommercialTerms.TaxLine> taxes(@Nullable List<TaxLineRequest> taxLines) {
        return taxLines == null
                ? List.of()
                : taxLines.stream()
                        .map(t -> new CommercialTerms.TaxLine(
                                t.title(), new BigDecimal(t.rate()), new BigDecimal(t.price())))
                        .toList();
    }

    private static @Nullable BigDecimal decimal(@Nullable String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }

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
            @Nullable Boolean taxable,

            @Schema(description = "The line's discount") @JsonInclude(JsonInclude.Include.NON_NULL) @Valid @Nullable LineDiscountRequest discount,

            @Schema(description = "The line's taxes; either these or the order's taxLines")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Size(max = 50) @Nullable List<@NotNull @Valid TaxLineRequest> taxLines) {

        /** A line as it was requested before lines had discounts and taxes. */
        LineRequest(
                @Nullable String sku,
                @Nullable Long variantId,
                String title,
                int quantity,
                String unitPrice,
                @Nullable Boolean requiresShipping,
                @Nullable Boolean taxable) {
            this(sku, variantId, title, quantity, unitPrice, requiresShipping, taxable, null, null);
        }

        @Schema(hidden = true)
        @AssertTrue(message = "discount.amount must not exceed the line's price times its quantity") boolean isDiscountWithinTheLine() {
            if (discount == null
                    || discount.amount() == null
                    || unitPrice == null
                    || !discount.amount().matches(CommercialTermsRequests.AMOUNT)
                    || !unitPrice.matches(CommercialTermsRequests.AMOUNT)) {
                return true;
            }
            return new BigDecimal(discount.amount())
                            .compareTo(new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity)))
                    <= 0;
        }

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
