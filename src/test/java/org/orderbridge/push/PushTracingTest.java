package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderbridge.TracingFixtures.kind;
import static org.orderbridge.TracingFixtures.named;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.TracingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * An order's way to Shopify is one trace: the intake request, its outbox row, the relay's send, the push and its
 * Shopify requests, each the child of the one before, with Shopify's query cost on the request's span.
 */
@OrderBridgeTest
class PushTracingTest {

    private static final String QUEUE = "orderbridge-push";

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    TracingFixtures tracing;

    @Test
    void intakeOutboxPushAndShopifyCallsFormOneTrace() {
        var trace = tracing.start();
        var headers = PushFixtures.headers(PushFixtures.WRITE_KEY);
        headers.set("traceparent", trace.traceparent());
        var response = e2e.rest()
                .exchange(
                        "/api/v1/orders",
                        HttpMethod.POST,
                        new HttpEntity<>(
                                PushFixtures.orderRequest("ext-" + UUID.randomUUID(), "traced@example.com"), headers),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        SpanData intake = trace.await(
                "the intake", kind(SpanKind.SERVER).and(s -> s.getName().contains("/api/v1/orders")));
        assertThat(intake.getParentSpanId()).isEqualTo(trace.callerSpanId());
        trace.awaitStatementUnder(intake, "insert into push_outbox");
        SpanData relay = trace.awaitChild(intake, "the relay's send", named(QUEUE + " send"));
        assertThat(relay.getKind()).isEqualTo(SpanKind.PRODUCER);
        SpanData push = trace.awaitChild(relay, "the push", named(QUEUE + " receive"));
        assertThat(push.getKind()).isEqualTo(SpanKind.CONSUMER);
        SpanData create = trace.await(
                "Shopify's orderCreate", named("shopify CREATE_ORDER").and(s -> trace.descendsFrom(s, push)));
        assertThat(create.getAttributes().get(AttributeKey.stringKey("shopify.cost.requested")))
                .isNotBlank();
        assertThat(create.getAttributes().get(AttributeKey.stringKey("shopify.cost.actual")))
                .isNotBlank();
        SpanData http = trace.awaitChild(create, "the HTTP request", kind(SpanKind.CLIENT));
        assertThat(http.getName()).startsWith("http post");
    }
}
