package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.FulfillmentServiceProperties.AcceptRule;
import org.orderbridge.shopify.FulfillmentServiceProperties.Mode;
import org.orderbridge.shopify.FulfillmentServiceProperties.Shop;

@Tag("unit")
class FulfillmentServicePropertiesTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aShopIsMerchantManagedUnlessConfiguredAsAFulfillmentServiceCaseInsensitively() {
        var properties = properties(Map.of(
                "ThreePL.myshopify.com",
                new Shop(
                        Mode.FULFILLMENT_SERVICE,
                        "Warehouse",
                        URI.create("https://wh.example.com/fs"),
                        AcceptRule.AUTO),
                "own.myshopify.com",
                new Shop(Mode.MERCHANT_MANAGED, null, null, AcceptRule.MANUAL)));

        assertThat(properties.isServiceMode("threepl.myshopify.com")).isTrue();
        assertThat(properties.serviceMode("THREEPL.myshopify.com").orElseThrow().accept())
                .isEqualTo(AcceptRule.AUTO);
        assertThat(properties.isServiceMode("own.myshopify.com")).isFalse();
        assertThat(properties.isServiceMode("other.myshopify.com")).isFalse();
        assertThat(VALIDATOR.validate(properties)).isEmpty();
    }

    @Test
    void aFulfillmentServiceShopNeedsANameAndACallbackUrl() {
        assertThat(VALIDATOR.validate(properties(
                        Map.of("a.myshopify.com", new Shop(Mode.FULFILLMENT_SERVICE, " ", null, AcceptRule.MANUAL)))))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).contains("needs a name and an https:// callback-url"));
        assertThat(VALIDATOR.validate(properties(Map.of(
                        "a.myshopify.com",
                        new Shop(
                                Mode.FULFILLMENT_SERVICE, "W", URI.create("ftp://x.example.com"), AcceptRule.MANUAL)))))
                .hasSize(1);
        assertThat(VALIDATOR.validate(new FulfillmentServiceProperties(Map.of(), Duration.ZERO, Duration.ofMinutes(5))))
                .hasSize(1);
    }

    private static FulfillmentServiceProperties properties(Map<String, Shop> shops) {
        return new FulfillmentServiceProperties(shops, Duration.ofHours(1), Duration.ofMinutes(5));
    }
}
