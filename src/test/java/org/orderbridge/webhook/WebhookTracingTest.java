package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderbridge.TracingFixtures.kind;
import static org.orderbridge.TracingFixtures.named;
import static org.orderbridge.webhook.WebhookFixtures.newShopifyId;
import static org.orderbridge.webhook.WebhookFixtures.order;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.TracingFixtures;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.platform.LogCapture;
import org.orderbridge.platform.MessageTracing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One trace from the acknowledgement to the database: the webhook's request span is the parent of the queue send,
 * whose context the listener continues, and the processing's statements are spans under the listener's; by claim check
 * and after a re-drive from the dead-letter queue too. The listener's log lines carry its trace and span ids.
 */
@OrderBridgeTest
class WebhookTracingTest {

    private static final String QUEUE = "orderbridge-webhooks";

    @LocalServerPort
    int port;

    @Autowired
    TracingFixtures tracing;

    @Autowired
    DeadLetters deadLetters;

    @RegisterExtension
    final LogCapture log = LogCapture.of(WebhookListener.class);

    @Test
    void acknowledgementQueueProcessingAndDatabaseFormOneTrace() throws Exception {
        var trace = tracing.start();
        long id = newShopifyId();

        assertThat(deliver(trace, order(id, Instant.now(), "traced")).statusCode())
                .isEqualTo(200);

        SpanData acknowledgement = trace.await(
                "the acknowledgement",
                kind(SpanKind.SERVER).and(s -> s.getName().contains("/webhooks/shopify")));
        assertThat(acknowledgement.getParentSpanId()).isEqualTo(trace.callerSpanId());
        SpanData send = trace.awaitChild(acknowledgement, "the queue send", named(QUEUE + " send"));
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        SpanData processing = trace.awaitChild(send, "the listener", named(QUEUE + " receive"));
        assertThat(processing.getKind()).isEqualTo(SpanKind.CONSUMER);
        trace.awaitStatementUnder(processing, "shop_order");
    }

    @Test
    void claimCheckedPayloadKeepsItsTrace() throws Exception {
        var trace = tracing.start();
        long id = newShopifyId();
        // Over the 200 KB carried inline: the payload waits in the database, the message names it.
        String large = order(id, Instant.now(), "x".repeat(210_000));

        assertThat(deliver(trace, large).statusCode()).isEqualTo(200);

        SpanData acknowledgement = trace.await(
                "the acknowledgement",
                kind(SpanKind.SERVER).and(s -> s.getName().contains("/webhooks/shopify")));
        trace.awaitStatementUnder(acknowledgement, "insert into webhook_payload");
        SpanData send = trace.awaitChild(acknowledgement, "the queue send", named(QUEUE + " send"));
        SpanData processing = trace.awaitChild(send, "the listener", named(QUEUE + " receive"));
        trace.awaitStatementUnder(processing, "select body from webhook_payload");
        trace.awaitStatementUnder(processing, "shop_order");
    }

    @Test
    void reDrivenDeadLetterContinuesItsTrace() throws Exception {
        var trace = tracing.start();
        String marker = UUID.randomUUID().toString();

        assertThat(deliver(trace, "{\"note\":\"" + marker + "\",\"currency\":\"EUR\"}")
                        .statusCode())
                .isEqualTo(200);
        SpanData acknowledgement = trace.await(
                "the acknowledgement",
                kind(SpanKind.SERVER).and(s -> s.getName().contains("/webhooks/shopify")));
        SpanData send = trace.awaitChild(acknowledgement, "the queue send", named(QUEUE + " send"));
        SpanData first = trace.awaitChild(send, "the listener", named(QUEUE + " receive"));

        // The listener's lines carry its span: the trace of the request that acknowledged the webhook.
        assertThat(log.events())
                .filteredOn(e -> e.getFormattedMessage().contains("Dead-lettering"))
                .anySatisfy(e -> {
                    assertThat(e.getMDCPropertyMap()).containsEntry("traceId", trace.id());
                    String spanId = e.getMDCPropertyMap().get("spanId");
                    assertThat(spanId.equals(first.getSpanId())
                                    || trace.spans().stream()
                                            .anyMatch(
                                                    s -> s.getSpanId().equals(spanId) && trace.descendsFrom(s, first)))
                            .as("span %s is the listener's or under it", spanId)
                            .isTrue();
                });

        String letter = awaitLetter(marker);
        assertThat(deadLetters.redriveOne("webhook", letter)).isTrue();

        // The re-driven message carries the send's context still: its second processing is another child of the send.
        SpanData second = trace.awaitChild(
                send,
                "the re-driven message's listener",
                named(QUEUE + " receive").and(s -> !s.getSpanId().equals(first.getSpanId())));
        assertThat(second.getKind()).isEqualTo(SpanKind.CONSUMER);
        awaitLetter(marker);
    }

    /** The dead letter with the marker, once the listener has put it there; its message id. */
    private String awaitLetter(String marker) throws Exception {
        String[] found = new String[1];
        org.awaitility.Awaitility.await()
                .atMost(org.orderbridge.EndToEndFixtures.WAIT)
                .until(() -> {
                    for (var letter : deadLetters.peek("webhook", 100)) {
                        if (letter.body().contains(marker)) {
                            assertThat(letter.attributes()).containsKey(MessageTracing.TRACEPARENT);
                            found[0] = letter.messageId();
                            return true;
                        }
                    }
                    return false;
                });
        return found[0];
    }

    private java.net.http.HttpResponse<String> deliver(TracingFixtures.Trace trace, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = new HashMap<>(WebhookFixtures.signedHeaders("orders/create", bytes));
        headers.put("traceparent", trace.traceparent());
        return WebhookFixtures.send(port, bytes, headers);
    }
}
