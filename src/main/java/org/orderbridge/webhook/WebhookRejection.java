package org.orderbridge.webhook;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Why a webhook was refused at the door; the detail never echoes a secret or a signature. */
class WebhookRejection extends ErrorResponseException {

    private final String reason;

    private WebhookRejection(HttpStatus status, String reason, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    static WebhookRejection unsigned() {
        return new WebhookRejection(
                HttpStatus.UNAUTHORIZED, "missing_signature", "The X-Shopify-Hmac-Sha256 header is required");
    }

    static WebhookRejection badSignature() {
        return new WebhookRejection(
                HttpStatus.UNAUTHORIZED,
                "invalid_signature",
                "The X-Shopify-Hmac-Sha256 signature does not match the body");
    }

    static WebhookRejection malformedSignature() {
        return new WebhookRejection(
                HttpStatus.UNAUTHORIZED,
                "malformed_signature",
                "The X-Shopify-Hmac-Sha256 header is not a Base64 HMAC-SHA256");
    }

    static WebhookRejection busy() {
        return new WebhookRejection(
                HttpStatus.SERVICE_UNAVAILABLE,
                "busy",
                "Too many webhook bodies are being received at once; it was not accepted, retry later");
    }

    static WebhookRejection slowBody() {
        return new WebhookRejection(
                HttpStatus.REQUEST_TIMEOUT,
                "slow_body",
                "The body did not arrive within the read deadline; it was not accepted, retry later");
    }

    static WebhookRejection missingHeader(String header) {
        return new WebhookRejection(HttpStatus.BAD_REQUEST, "missing_header", "The " + header + " header is required");
    }

    static WebhookRejection invalidHeader(String header) {
        return new WebhookRejection(
                HttpStatus.BAD_REQUEST, "invalid_header", "The " + header + " header is not in Shopify's form");
    }

    static WebhookRejection shopNotAllowed(String shop) {
        String shown = shop.length() > 255 ? shop.substring(0, 255) : shop;
        return new WebhookRejection(
                HttpStatus.FORBIDDEN,
                "shop_not_allowed",
                "Shop " + shown.replaceAll("[^A-Za-z0-9.-]", "?") + " is not served by this OrderBridge");
    }

    static WebhookRejection tooLarge(long limit) {
        return new WebhookRejection(
                HttpStatus.CONTENT_TOO_LARGE, "too_large", "The body exceeds the limit of " + limit + " bytes");
    }

    static WebhookRejection notAJsonObject() {
        return new WebhookRejection(HttpStatus.BAD_REQUEST, "not_json_object", "The body is not a UTF-8 JSON object");
    }
}
