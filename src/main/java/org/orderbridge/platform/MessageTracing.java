package org.orderbridge.platform;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Carries a trace across SQS. The W3C trace context travels in message attributes named as its headers
 * ({@code traceparent}, and {@code tracestate} or {@code baggage} when there are any), which Spring Cloud AWS maps to
 * message headers and its listener observation continues: the listener's span is the child of the send's. Work that
 * is sent later, by another thread (the push outbox), keeps the {@code traceparent} beside it and continues it when it
 * is sent. With tracing off (no tracer), nothing is added and sends carry no context.
 */
@Component
public class MessageTracing {

    public static final String TRACEPARENT = "traceparent";

    /** The attributes a trace context may take; SQS allows ten a message, so they go first when there is no room. */
    /** SQS's limit of attributes a message. */
    public static final int MAX_ATTRIBUTES = 10;

    public static final List<String> FIELDS = List.of(TRACEPARENT, "tracestate", "baggage");

    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final Propagator propagator;

    @Autowired
    MessageTracing(
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        this(
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    public MessageTracing(ObservationRegistry observations, Tracer tracer, Propagator propagator) {
        this.observations = observations;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Without tracing: sends carry nothing, stored contexts are not read. */
    public static MessageTracing off() {
        return new MessageTracing(ObservationRegistry.NOOP, Tracer.NOOP, Propagator.NOOP);
    }

    /**
     * Runs the send as a producer span, the child of the current span, and puts that span's context into the
     * attributes before the send reads them.
     */
    public <T extends @Nullable Object, E extends Throwable> T send(
            String queue, Map<String, MessageAttributeValue> attributes, Observation.CheckedCallable<T, E> send)
            throws E {
        var context = new SenderContext<Map<String, MessageAttributeValue>>(MessageTracing::putIfRoom);
        context.setCarrier(attributes);
        context.setRemoteServiceName("sqs");
        return Observation.createNotStarted("orderbridge.sqs.send", () -> context, observations)
                .contextualName(queue + " send")
                .lowCardinalityKeyValue("messaging.system", "aws_sqs")
                .lowCardinalityKeyValue("messaging.destination.name", queue)
                .observeChecked(send);
    }

    /** The current span's {@code traceparent}, to keep beside work that is sent later; null without a span. */
    public @Nullable String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        var fields = new HashMap<String, String>();
        propagator.inject(span.context(), fields, (carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        });
        return fields.get(TRACEPARENT);
    }

    /**
     * Starts the producer span of a send that continues a stored {@code traceparent}: its context goes into the
     * message's attributes, and the span ends when the send is over. Nothing when there is no stored context (a row
     * written before there were traces, or with tracing off): the message then starts a trace of its own.
     */
    public StoredSend continueStored(@Nullable String traceparent, String queue) {
        if (traceparent == null || traceparent.isBlank() || tracer == Tracer.NOOP) {
            return StoredSend.NONE;
        }
        Span span = propagator
                .extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(queue + " send")
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName("sqs")
                .tag("messaging.system", "aws_sqs")
                .tag("messaging.destination.name", queue)
                .start();
        var attributes = new HashMap<String, MessageAttributeValue>();
        propagator.inject(span.context(), attributes, MessageTracing::putIfRoom);
        return new StoredSend(span, Map.copyOf(attributes));
    }

    /**
     * SQS refuses a message of more than ten attributes. The propagator writes {@code traceparent} first, so that one
     * is there unless the message's own attributes leave no room; {@code tracestate} and {@code baggage} may be left
     * out.
     */
    static void putIfRoom(@Nullable Map<String, MessageAttributeValue> carrier, String key, String value) {
        if (carrier != null && (carrier.size() < MAX_ATTRIBUTES || carrier.containsKey(key))) {
            carrier.put(key, attribute(value));
        }
    }

    /** A text message attribute, as SQS and Spring Cloud AWS's header mapping read them. */
    public static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    /**
     * The span of one send continuing a stored context, and the attributes that carry it.
     *
     * @param span null when nothing is traced
     */
    public record StoredSend(@Nullable Span span, Map<String, MessageAttributeValue> attributes) {

        static final StoredSend NONE = new StoredSend(null, Map.of());

        /** The send is over: failed when {@code failure} is given (SQS refused the message). */
        public void end(@Nullable String failure) {
            if (span != null) {
                if (failure != null) {
                    span.error(new IllegalStateException(failure));
                }
                span.end();
            }
        }
    }
}
