package org.orderbridge.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of {@link CreateOrderRequest} that say what the order costs beyond its lines' prices and how it was paid.
 * Enumerations are checked as text, so that a value Shopify does not know is listed with every other field error.
 */
final class CommercialTermsRequests {

    static final String AMOUNT = "\\d{1,13}(\\.\\d{1,4})?";
    static final String AMOUNT_MESSAGE = "must be a non-negative decimal string such as 19.90";
    static final String PERCENTAGE = "\\d{1,3}(\\.\\d{1,4})?";
    static final String RATE = "0(\\.\\d{1,6})?|1(\\.0{1,6})?";

    private CommercialTermsRequests() {}

    @Schema(description = "A tax charged on a line, on a shipping line or on the order")
    record TaxLineRequest(
            @Schema(example = "VAT") @NotBlank @Size(max = 255) String title,

            @Schema(description = "The tax's proportion of the price, between 0 and 1", example = "0.19")
            @NotNull @Pattern(regexp = RATE, message = "must be a proportion between 0 and 1 such as 0.19") String rate,

            @Schema(description = "The tax amount, in the order's currency", example = "3.80")
            @NotNull @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String price) {}

    @Schema(description = "A discount on one line: an amount off the line, or a percentage of it")
    record LineDiscountRequest(
            @Schema(description = "Amount off the line (all its units together)", example = "5.00")
            @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) @Nullable String amount,

            @Schema(description = "Percentage off the line, 0 to 100", example = "10")
            @Pattern(regexp = PERCENTAGE, message = "must be a percentage such as 10 or 12.5") @Nullable String percentage,

            @Schema(example = "Trade fair discount") @NotBlank @Size(max = 255) String description) {

        @Schema(hidden = true)
        @AssertTrue(message = "a line discount takes either amount or percentage") boolean isAmountOrPercentage() {
            return (amount == null) != (percentage == null);
        }

        @Schema(hidden = true)
        @AssertTrue(message = "percentage must be at most 100") boolean isPercentageAtMostAHundred() {
            return percentage == null
                    || !percentage.matches(PERCENTAGE)
                    || new BigDecimal(percentage).compareTo(BigDecimal.valueOf(100)) <= 0;
        }
    }

    record ShippingLineRequest(
            @Schema(example = "Standard") @NotBlank @Size(max = 255) String title,

            @Schema(example = "STD") @Size(max = 255) @Nullable String code,

            @Schema(example = "4.90") @NotNull @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String price,

            @Size(max = 50) @Nullable List<@NotNull @Valid TaxLineRequest> taxLines) {}

    @Schema(description = "The order's discount code: a fixed amount or a percentage off the lines, or free shipping")
    record DiscountRequest(
            @Schema(example = "SPRING10") @NotBlank @Size(max = 255) String code,

            @Schema(allowableValues = {"FIXED_AMOUNT", "PERCENTAGE", "FREE_SHIPPING"})
            @NotNull @Pattern(
                    regexp = "FIXED_AMOUNT|PERCENTAGE|FREE_SHIPPING",
                    message = "must be FIXED_AMOUNT, PERCENTAGE or FREE_SHIPPING")
            String type,

            @Schema(description = "FIXED_AMOUNT: the amount off; PERCENTAGE: the percentage off; FREE_SHIPPING: none")
            @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) @Nullable String value) {

        @Schema(hidden = true)
        @AssertTrue(message = "FIXED_AMOUNT and PERCENTAGE need a value, FREE_SHIPPING takes none") boolean isValueAsTheTypeNeeds() {
            return "FREE_SHIPPING".equals(type) == (value == null);
        }

        @Schema(hidden = true)
        @AssertTrue(message = "a percentage must be at most 100") boolean isPercentageAtMostAHundred() {
            return !"PERCENTAGE".equals(type)
                    || value == null
                    || !value.matches(AMOUNT)
                    || new BigDecimal(value).compareTo(BigDecimal.valueOf(100)) <= 0;
        }
    }

    @Schema(description = "A payment already made or authorized outside Shopify, recorded with the order")
    record TransactionRequest(
            @Schema(
                    allowableValues = {
                        "AUTHORIZATION",
                        "CAPTURE",
                        "CHANGE",
                        "EMV_AUTHORIZATION",
                        "REFUND",
                        "SALE",
                        "SUGGESTED_REFUND",
                        "VOID"
                    })
            @NotNull @Pattern(
                    regexp = "AUTHORIZATION|CAPTURE|CHANGE|EMV_AUTHORIZATION|REFUND|SALE|SUGGESTED_REFUND|VOID",
                    message = "must be one of AUTHORIZATION, CAPTURE, CHANGE, EMV_AUTHORIZATION, REFUND, SALE,"
                            + " SUGGESTED_REFUND, VOID")
            String kind,

            @Schema(example = "manual") @Size(max = 255) @Nullable String gateway,

            @Schema(example = "42.50") @NotNull @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String amount,

            @Schema(allowableValues = {"AWAITING_RESPONSE", "ERROR", "FAILURE", "PENDING", "SUCCESS", "UNKNOWN"})
            @NotNull @Pattern(
                    regexp = "AWAITING_RESPONSE|ERROR|FAILURE|PENDING|SUCCESS|UNKNOWN",
                    message = "must be one of AWAITING_RESPONSE, ERROR, FAILURE, PENDING, SUCCESS, UNKNOWN")
            String status) {}

    @Schema(description = "The currency the buyer saw, and how many of its units one unit of the order's currency is")
    record PresentmentRequest(
            @Schema(example = "USD") @NotBlank @CurrencyCode String currency,

            @Schema(description = "Units of this currency per unit of the order's currency", example = "1.0825")
            @NotNull @Pattern(regexp = "\\d{1,9}(\\.\\d{1,9})?", message = "must be a positive decimal string such as 1.0825")
            String rate) {

        @Schema(hidden = true)
        @AssertTrue(message = "rate must be positive") boolean isRatePositive() {
            return rate == null || !rate.matches("\\d{1,9}(\\.\\d{1,9})?") || new BigDecimal(rate).signum() > 0;
        }
    }

    record CustomAttributeRequest(
            @Schema(example = "Cost centre") @NotBlank @Size(max = 255) String name,

            @Schema(example = "4711") @NotNull @Size(max = 5000) String value) {}
}
