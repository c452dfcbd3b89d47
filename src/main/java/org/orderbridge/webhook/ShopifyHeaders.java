package org.orderbridge.webhook;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Shopify signs the body only: whoever holds one signed body can send it with any headers. So each header is
 * checked for the form Shopify gives it before anything is stored, queued or used as a metric tag; what a
 * header claims about the payload is checked against the payload itself when it is processed.
 */
final class ShopifyHeaders {

    static final String HMAC = "X-Shopify-Hmac-Sha256";
    static final String TOPIC = "X-Shopify-Topic";
    static final String SHOP = "X-Shopify-Shop-Domain";
    static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    static final String EVENT_ID = "X-Shopify-Event-Id";
    static final String TRIGGERED_AT = "X-Shopify-Triggered-At";
    static final String API_VERSION = "X-Shopify-API-Version";

    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-z0-9_]+(/[a-z0-9_]+)+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9T:.+Z-]+");
    private static final Pattern VERSION = Pattern.compile("[0-9]{4}-[0-9]{2}|unstable");
    /** Base64 of an HMAC-SHA256: 32 bytes. */
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{43}=");

    private ShopifyHeaders() {}

    static boolean isSignature(@Nullable String value) {
        return value != null && SIGNATURE.matcher(value).matches();
    }

    /** @return whether the header, if present, has the form Shopify gives it */
    static boolean isWellFormed(String header, @Nullable String value) {
        if (value == null) {
            return true;
        }
        return switch (header) {
            case SHOP -> value.length() <= 255 && SHOP_DOMAIN.matcher(value).matches();
            case TOPIC -> value.length() <= 64 && TOPIC_NAME.matcher(value).matches();
            case WEBHOOK_ID, EVENT_ID ->
                value.length() <= 255 && IDENTIFIER.matcher(value).matches();
            case TRIGGERED_AT ->
                value.length() <= 64 && TIMESTAMP.matcher(value).matches();
            case API_VERSION -> VERSION.matcher(value).matches();
            default -> throw new IllegalArgumentException("no rule for header " + header);
        };
    }
}
