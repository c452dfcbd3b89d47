package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

@Tag("unit")
class MessageTracingTest {

    /** Sampled, with or without W3C's flag for a random trace id (set by the SDK on the traces it starts). */
    private static final String SAMPLED = "-0[13]";

    private static final String STORED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans))
            .build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    private final OtelPropagator propagator =
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final MessageTracing tracing = new MessageTracing(observations, tracer, propagator);

    MessageTracingTest() {
        // As Boot groups them: the first handler that takes a context makes its span.
        observations
                .observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer)));
    }

    @Test
    void sendIsAProducerSpanUnderTheCurrentSpanWhoseContextTheAttributesCarry() {
        var parent = tracer.nextSpan().name("acknowledgement").start();
        var attributes = new HashMap<String, MessageAttributeValue>();
        try (var scope = tracer.withSpan(parent)) {
            assertThat(tracing.send("webhooks", attributes, () -> "sent")).isEqualTo("sent");
        } finally {
            parent.end();
        }

        SpanData send = span("webhooks send");
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(parent.context().spanId());
        assertThat(attributes.get(MessageTracing.TRACEPARENT).stringValue())
                .matches("00-" + send.getTraceId() + "-" + send.getSpanId() + SAMPLED);
        assertThat(attributes.get(MessageTracing.TRACEPARENT).dataType()).isEqualTo("String");
    }

    @Test
    void aMessageWithTenAttributesGoesWithoutTheTraceContextRatherThanBeingRefused() {
        var attributes = new HashMap<String, MessageAttributeValue>();
        for (int i = 0; i < MessageTracing.MAX_ATTRIBUTES; i++) {
            attributes.put("a" + i, MessageTracing.attribute("v"));
        }

        tracing.send("webhooks", attributes, () -> null);

        assertThat(attributes).hasSize(MessageTracing.MAX_ATTRIBUTES).doesNotContainKey(MessageTracing.TRACEPARENT);
    }

    @Test
    void currentTraceparentIsTheCurrentSpansAndNullWithoutOne() {
        assertThat(tracing.currentTraceparent()).isNull();
        var span = tracer.nextSpan().name("intake").start();
        try (var scope = tracer.withSpan(span)) {
            assertThat(tracing.currentTraceparent())
                    .matches("00-" + span.context().traceId() + "-"
                            + span.context().spanId() + SAMPLED);
        } finally {
            span.end();
        }
    }

    @Test
    void storedContextContinuesAsTheParentOfTheSend() {
        var send = tracing.continueStored(STORED, "push");
        send.end(null);

        SpanData span = span("push send");
        assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(send.attributes().get(MessageTracing.TRACEPARENT).stringValue())
                .matches("00-0af7651916cd43dd8448eb211c80319c-" + span.getSpanId() + SAMPLED);
    }

    @Test
    void aFailedSendMarksItsSpan() {
        tracing.continueStored(STORED, "push").end("SQS refused it");

        assertThat(span("push send").getStatus().getStatusCode())
                .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    @Test
    void rowsWithoutAStoredContextAndTracingOffSendNothing() {
        assertThat(tracing.continueStored(null, "push").attributes()).isEmpty();
        assertThat(tracing.continueStored(" ", "push").attributes()).isEmpty();
        assertThat(MessageTracing.off().continueStored(STORED, "push").attributes())
                .isEmpty();
        MessageTracing.off().continueStored(STORED, "push").end(null);
        assertThat(MessageTracing.off().currentTraceparent()).isNull();
        var attributes = new HashMap<String, MessageAttributeValue>();
        MessageTracing.off().send("push", attributes, () -> null);
        assertThat(attributes).isEmpty();
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void anUnsampledStoredContextStaysUnsampled() {
        var send = tracing.continueStored(STORED.substring(0, STORED.length() - 2) + "00", "push");
        send.end(null);

        assertThat(send.attributes().get(MessageTracing.TRACEPARENT).stringValue())
                .startsWith("00-0af7651916cd43dd8448eb211c80319c-")
                .endsWith("-00");
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + spans.getFinishedSpanItems()));
    }
}
