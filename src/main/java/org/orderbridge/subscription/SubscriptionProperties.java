package org.orderbridge.subscription;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Upkeep of the app's webhook subscriptions in every shop with an access token.
 *
 * @param enabled off for apps whose subscriptions are declared in {@code shopify.app.toml} (app-specific ones, which
 *     Shopify keeps itself and the Admin API neither shows nor edits)
 * @param callbackUrl where Shopify delivers, e.g. {@code https://orders.example.com/webhooks/shopify}; HTTPS unless
 *     {@code allowPlainHttp}
 * @param eventBridgeSourceArn instead of a URL: the partner event source, {@code
 *     arn:aws:events:<region>::event-source/aws.partner/shopify.com/<app-id>/<name>}
 * @param allowPlainHttp lets {@code callbackUrl} be {@code http://}, for the simulator in the local profile only
 * @param interval time between two checks of one shop, across all instances
 * @param retryAfterFailure time before a failed check (Shopify unreachable, throttled, refusing) is tried again
 * @param pollInterval how often each instance looks for shops due a check; a check starts at most this late
 * @param initialDelay time after start before an instance first looks
 * @param lease how long an instance owns a shop's check; an instance that dies during a check leaves it to another
 *     after this long
 */
@Validated
@ConfigurationProperties("orderbridge.subscriptions")
record SubscriptionProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String callbackUrl,

        @Nullable @Pattern(regexp = "arn:aws:events:[a-z0-9-]+::event-source/aws\\.partner/shopify\\.com/\\d+/[A-Za-z0-9._\\-/]+") String eventBridgeSourceArn,

        @DefaultValue("false") boolean allowPlainHttp,

        @DefaultValue("1h") @NotNull @DurationMin(minutes = 1)
        Duration interval,

        @DefaultValue("5m") @NotNull @DurationMin(seconds = 1)
        Duration retryAfterFailure,

        @DefaultValue("1m") @NotNull @DurationMin(millis = 100)
        Duration pollInterval,

        @DefaultValue("0s") @NotNull Duration initialDelay,

        @DefaultValue("10m") @NotNull @DurationMin(seconds = 10)
        Duration lease) {

    SubscriptionProperties {
        callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
        eventBridgeSourceArn =
                eventBridgeSourceArn == null || eventBridgeSourceArn.isBlank() ? null : eventBridgeSourceArn.strip();
    }

    /** Where every subscription must point: the EventBridge source or the callback URL; empty when neither is set. */
    Optional<String> target() {
        return Optional.ofNullable(eventBridgeSourceArn != null ? eventBridgeSourceArn : callbackUrl);
    }

    @AssertTrue(message = "set callback-url or event-bridge-source-arn, not both") boolean isOneTarget() {
        return callbackUrl == null || eventBridgeSourceArn == null;
    }

    @AssertTrue(
            message =
                    "callback-url must be an absolute https:// URL (http:// only with allow-plain-http, for the simulator)")
    boolean isCallbackUrlSecure() {
        if (callbackUrl == null) {
            return true;
        }
        try {
            URI uri = new URI(callbackUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.getHost() != null && (scheme.equals("https") || (allowPlainHttp && scheme.equals("http")));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
