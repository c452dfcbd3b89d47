package org.orderbridge.shopify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How each shop's fulfillment reaches Shopify.
 *
 * @param shops per shop domain (case-insensitive, bound in brackets:
 *     {@code orderbridge.shopify.fulfillment-service.shops[acme.myshopify.com].mode=fulfillment-service}); a shop not named is
 *     merchant-managed
 * @param registrationInterval how often each fulfillment-service shop's registration is checked (first at start)
 * @param catchUpInterval how often the fulfillment orders assigned to the service are read for requests whose webhook
 *     was lost
 */
@Validated
@ConfigurationProperties("orderbridge.shopify.fulfillment-service")
public record FulfillmentServiceProperties(
        Map<String, @Valid @NotNull Shop> shops,
        @DefaultValue("1h") @DurationMin(seconds = 1) Duration registrationInterval,
        @DefaultValue("5m") @DurationMin(seconds = 1) Duration catchUpInterval) {

    public FulfillmentServiceProperties {
        shops = shops == null
                ? Map.of()
                : shops.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(
                                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    /** Whether the shop runs as a fulfillment service. */
    public boolean isServiceMode(String shopDomain) {
        return serviceMode(shopDomain).isPresent();
    }

    /** The shop's settings when it runs as a fulfillment service. */
    public Optional<Shop> serviceMode(String shopDomain) {
        return Optional.ofNullable(shops.get(shopDomain.toLowerCase(Locale.ROOT)))
                .filter(shop -> shop.mode() == Mode.FULFILLMENT_SERVICE);
    }

    public enum Mode {
        /** The merchant's own locations: shipments are fulfilled from the order's fulfillment orders directly. */
        MERCHANT_MANAGED,
        /** The app is the shop's fulfillment service: it fulfils what the merchant requests of it and it accepts. */
        FULFILLMENT_SERVICE
    }

    public enum AcceptRule {
        /** Every fulfillment request is accepted as it arrives. */
        AUTO,
        /** Requests wait for an operator's accept or reject through the API. */
        MANUAL
    }

    /**
     * @param name the fulfillment service's name in Shopify, which also names its location (unique in the shop)
     * @param callbackUrl where Shopify may call the service (required by {@code fulfillmentServiceCreate})
     * @param accept how fulfillment requests are answered
     */
    public record Shop(
            @DefaultValue("MERCHANT_MANAGED") Mode mode,
            @Nullable String name,
            @Nullable URI callbackUrl,
            @DefaultValue("MANUAL") AcceptRule accept) {

        @AssertTrue(message = "a fulfillment-service shop needs a name and an https:// callback-url") public boolean isComplete() {
            return mode != Mode.FULFILLMENT_SERVICE
                    || name != null
                            && !name.isBlank()
                            && callbackUrl != null
                            && "https".equals(callbackUrl.getScheme())
                            && callbackUrl.getHost() != null;
        }

        /** The name, which {@link #isComplete} requires in this mode. */
        public String serviceName() {
            return name == null ? "" : name.strip();
        }
    }
}
