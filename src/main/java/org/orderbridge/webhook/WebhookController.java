package org.orderbridge.webhook;

import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ProblemDetail;
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
class WebhookController {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    private final WebhookProperties properties;
    private final WebhookSignature signature;
    private final WebhookQueue queue;
    private final WebhookMetrics metrics;

    WebhookController(WebhookProperties properties, WebhookQueue queue, WebhookMetrics metrics) {
        this.properties = properties;
        this.signature = new WebhookSignature(properties.secrets());
        this.queue = queue;
        this.metrics = metrics;
    }

    @PostMapping("/webhooks/shopify")
    @Operation(summary = "Shopify's webhook deliveries, authenticated by their HMAC signature")
    @ApiResponse(responseCode = "200", description = "Queued for processing (or a topic that is not handled)")
    @ApiResponse(
            responseCode = "400",
            description = "Missing or invalid Shopify header, or a body that is not a JSON object",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "401",
            description = "Missing or wrong HMAC signature",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "Shop not allowed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "413",
            description = "Body larger than allowed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Could not be queued; Shopify retries",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
        Timer.Sample sample = metrics.received();
        byte[] body = readBody(request);
        String hmac = request.getHeader("X-Shopify-Hmac-Sha256");
        if (hmac == null || hmac.isBlank()) {
            throw WebhookRejection.unsigned();
        }
        if (!signature.matches(body, hmac)) {
            throw WebhookRejection.badSignature();
        }
        String topic = required(request, "X-Shopify-Topic");
        String shop = required(request, "X-Shopify-Shop-Domain");
        String webhookId = required(request, "X-Shopify-Webhook-Id");
        if (!properties.allows(shop)) {
            throw WebhookRejection.shopNotAllowed(shop);
        }
        requireJsonObject(body);
        if (WebhookTopic.of(topic).isEmpty()) {
            // Answering anything but 2xx would make Shopify retry a delivery we will never want.
            metrics.dropped(topic);
            return ResponseEntity.ok().build();
        }
        var delivery = new WebhookDelivery(
                topic,
                shop,
                webhookId,
                request.getHeader("X-Shopify-Event-Id"),
                request.getHeader("X-Shopify-Triggered-At"),
                request.getHeader("X-Shopify-API-Version"),
                body);
        queue.enqueue(delivery);
        metrics.enqueued(topic, sample);
        return ResponseEntity.ok().build();
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw WebhookRejection.tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) {
                throw WebhookRejection.tooLarge(limit);
            }
            return body;
        }
    }

    private static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw WebhookRejection.missingHeader(header);
        }
        if (value.length() > 255) {
            throw WebhookRejection.invalidHeader(header);
        }
        return value;
    }

    /** Streams through the body once without building a tree: UTF-8, well-formed JSON, and an object. */
    private static void requireJsonObject(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw WebhookRejection.notAJsonObject();
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
}
