package org.orderbridge.webhook;

import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Shopify's webhook endpoint. The acknowledgement path is: verify the signature on the raw bytes, put the
 * delivery on SQS, answer 200. Nothing here waits for the database (except the claim check of an oversized
 * payload), so the answer is fast even when PostgreSQL is failing over.
 */
@RestController
@ApiTags.ShopifyWebhooks
class WebhookController {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    private final WebhookProperties properties;
    private final WebhookSignature signature;
    private final WebhookQueue queue;
    private final WebhookMetrics metrics;
    private final WebhookBodyBudget budget;
    private final ShopAllowList allowList;
    private final ReplayWindow replayWindow;

    WebhookController(
            WebhookProperties properties,
            WebhookQueue queue,
            WebhookMetrics metrics,
            WebhookBodyBudget budget,
            ShopAllowList allowList,
            Clock clock) {
        this.properties = properties;
        this.signature = new WebhookSignature(properties.secrets());
        this.queue = queue;
        this.metrics = metrics;
        this.budget = budget;
        this.allowList = allowList;
        this.replayWindow = new ReplayWindow(properties.replayWindow(), clock);
    }

    @PostMapping("/webhooks/shopify")
    @Operation(
            operationId = "receiveShopifyWebhook",
            summary = "Receive a Shopify webhook delivery",
            description = """
                    Shopify's webhook deliveries (subscribed topics: orders, fulfillments, products/update, app/uninstalled \
                    and the mandatory compliance topics). Not for API clients: there is no API key here. Shopify signs \
                    each delivery with **HMAC-SHA256** over the raw request body, keyed with the app's client \
                    secret, and sends the Base64 digest in `X-Shopify-Hmac-Sha256`; a delivery is accepted only \
                    when the digest matches under one of the configured secrets (several during a rotation). \
                    The answer is 200 once the delivery is on the queue, so Shopify's retries stop only for \
                    what will be processed.""",
            parameters = {
                @Parameter(
                        name = ShopifyHeaders.HMAC,
                        in = ParameterIn.HEADER,
                        required = true,
                        description = "Base64 HMAC-SHA256 of the raw body, keyed with the app's client secret",
                        schema = @Schema(type = "string", pattern = "^[A-Za-z0-9+/]{43}=$")),
                @Parameter(
                        name = ShopifyHeaders.TOPIC,
                        in = ParameterIn.HEADER,
                        required = true,
                        description = "The webhook's topic",
                        schema = @Schema(type = "string", example = "orders/create")),
                @Parameter(
                        name = ShopifyHeaders.SHOP,
                        in = ParameterIn.HEADER,
                        required = true,
                        description = "The shop the delivery is from",
                        schema = @Schema(type = "string", example = "example.myshopify.com")),
                @Parameter(
                        name = ShopifyHeaders.WEBHOOK_ID,
                        in = ParameterIn.HEADER,
                        required = true,
                        description = "Unique per delivery; a repeated id is applied once",
                        schema = @Schema(type = "string")),
                @Parameter(
                        name = ShopifyHeaders.EVENT_ID,
                        in = ParameterIn.HEADER,
                        description = "Shopify's id of the event; the same for every subscription it reaches",
                        schema = @Schema(type = "string")),
                @Parameter(
                        name = ShopifyHeaders.TRIGGERED_AT,
                        in = ParameterIn.HEADER,
                        description = "When the event happened. A delivery triggered longer ago than the replay window "
                                + "(6 hours unless configured) is answered 200 and dropped; the header is not "
                                + "signed, so one without it is accepted and counted",
                        schema = @Schema(type = "string", format = "date-time")),
                @Parameter(
                        name = ShopifyHeaders.API_VERSION,
                        in = ParameterIn.HEADER,
                        description = "The Admin API version of the payload",
                        schema = @Schema(type = "string", example = "2026-10"))
            },
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "The topic's payload as Shopify sends it: a JSON object",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            additionalProperties =
                                                                    Schema.AdditionalPropertiesValue.TRUE))))
    @ApiResponse(
            responseCode = "200",
            description =
                    "Queued for processing (or a topic that is not handled, or a delivery older than the replay window)")
    @ApiResponse(
            responseCode = "400",
            description = "Missing Shopify header, a header not in Shopify's form, or a body that is not a JSON object")
    @ApiResponse(
            responseCode = "401",
            description =
                    "Missing, malformed or wrong HMAC signature (missing or malformed: refused before the body is read)")
    @ApiResponse(responseCode = "403", description = "Shop not allowed")
    @ApiResponse(responseCode = "413", description = "Body larger than allowed")
    @ApiResponse(
            responseCode = "503",
            description = "Could not be queued, or too many bodies in flight; Shopify retries (Retry-After)")
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException, InterruptedException {
        Timer.Sample sample = metrics.received();
        // Refused before a byte of the body is read: an unsigned request costs no memory.
        String hmac = request.getHeader(ShopifyHeaders.HMAC);
        if (hmac == null || hmac.isBlank()) {
            throw WebhookRejection.unsigned();
        }
        if (!ShopifyHeaders.isSignature(hmac)) {
            throw WebhookRejection.malformedSignature();
        }
        long limit = properties.maxBodySize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw WebhookRejection.tooLarge(limit);
        }
        try (var received = budget.read(request.getInputStream(), declared, limit)) {
            byte[] body = received.bytes();
            if (!signature.matches(body, hmac)) {
                throw WebhookRejection.badSignature();
            }
            WebhookDelivery delivery = delivery(request, body);
            if (!allowList.allows(delivery.shopDomain(), delivery.topic())) {
                throw WebhookRejection.shopNotAllowed(delivery.shopDomain());
            }
            requireJsonObject(body);
            var topic = WebhookTopic.of(delivery.topic());
            if (topic.isEmpty()) {
                // Answering anything but 2xx would make Shopify retry a delivery we will never want.
                metrics.dropped();
                return ResponseEntity.ok().build();
            }
            switch (replayWindow.judge(delivery.triggeredAt())) {
                case STALE -> {
                    // Answered 200: Shopify must not retry what it would not send again anyway.
                    metrics.stale();
                    return ResponseEntity.ok().build();
                }
                case UNCHECKED -> metrics.triggeredAtMissing();
                case FRESH -> {}
            }
            queue.enqueue(delivery);
            metrics.enqueued(topic.get(), sample);
            return ResponseEntity.ok().build();
        }
    }

    private static WebhookDelivery delivery(HttpServletRequest request, byte[] body) {
        return new WebhookDelivery(
                required(request, ShopifyHeaders.TOPIC),
                required(request, ShopifyHeaders.SHOP),
                required(request, ShopifyHeaders.WEBHOOK_ID),
                optional(request, ShopifyHeaders.EVENT_ID),
                optional(request, ShopifyHeaders.TRIGGERED_AT),
                optional(request, ShopifyHeaders.API_VERSION),
                body);
    }

    private static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw WebhookRejection.missingHeader(header);
        }
        return checked(header, value);
    }

    private static @Nullable String optional(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        return value == null || value.isBlank() ? null : checked(header, value);
    }

    private static String checked(String header, String value) {
        if (!ShopifyHeaders.isWellFormed(header, value)) {
            throw WebhookRejection.invalidHeader(header);
        }
        return value;
    }

    /** Streams through the body once without building a tree: UTF-8, well-formed JSON, and an object. */
    private static void requireJsonObject(byte[] body) {
        // ASCII, as most webhooks are, is UTF-8: decoding it would only allocate a copy of the body to discard.
        if (!isAscii(body)) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw WebhookRejection.notAJsonObject();
            }
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw WebhookRejection.notAJsonObject();
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw WebhookRejection.notAJsonObject();
            }
        } catch (JacksonException e) {
            throw WebhookRejection.notAJsonObject();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
