package org.orderbridge.platform.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The capabilities the API is documented under, one annotation per capability, put on a controller class. It is
 * the only OpenAPI annotation a controller needs besides its operations' {@code @Operation} and their own error
 * statuses: {@code platform.http.OpenApiConfiguration} adds the API key requirement, the responses every
 * {@code /api} operation can give (401, 403, 429; 400 and 413 with a body) and the problem body of every error (see
 * docs/api.md).
 */
public final class ApiTags {

    private ApiTags() {}

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Tag(
            name = "Orders",
            description = "Orders from our own systems, accepted once (idempotent by externalId) and created in "
                    + "Shopify by the push queue; orders that arrive from Shopify by webhook are read the same way")
    public @interface Orders {}

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Tag(
            name = "Shipments",
            description = "Shipments of an order (idempotent by shipmentId), fulfilled in Shopify with their "
                    + "tracking; an order not yet in Shopify keeps its shipments until it is")
    public @interface Shipments {}

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Tag(
            name = "Dead letters",
            description = "Push and webhook messages that failed every attempt: look at them and move them back "
                    + "to their queue (admin role)")
    public @interface DeadLetters {}

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Tag(
            name = "Compliance",
            description = "Shopify's mandatory privacy requests that wait for an operator: shop/redact while the "
                    + "app is still installed, and the exports answering customers/data_request (admin role)")
    public @interface Compliance {}

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Tag(
            name = "Shopify webhooks",
            description = "The endpoint Shopify delivers webhooks to; authenticated by the HMAC-SHA256 signature "
                    + "of the body, not by an API key")
    public @interface ShopifyWebhooks {}

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Tag(
            name = "Backfills",
            description = "Reading a shop's orders back from Shopify over a chosen range, for a new shop or after an "
                    + "outage, through the same idempotent path as webhooks (admin role)")
    public @interface Backfills {}

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Tag(name = "Audit", description = "Which API key did which operator action, and what it was answered (admin role)")
    public @interface Audit {}

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Tag(
            name = "Fulfillment requests",
            description = "The merchant's fulfillment and cancellation requests to a shop's fulfillment service (3PL "
                    + "mode), and the operator's accept or reject (admin role)")
    public @interface FulfillmentRequests {}
}
