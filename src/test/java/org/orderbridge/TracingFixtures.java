package org.orderbridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.context.annotation.Bean;

/**
 * The spans of the traces a test starts, kept in memory. A test starts a trace of its own ({@link #start()}) and sends
 * its {@code traceparent} with its request, as an upstream service would; only the spans of such traces are kept, so
 * the shared context's other traffic costs nothing here. Imported by {@link OrderBridgeTest}, so it adds no context.
 */
public class TracingFixtures {

    public static final AttributeKey<String> JDBC_QUERY = AttributeKey.stringKey("jdbc.query[0]");

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    /** A span processor beside the exporting one, taking the spans of watched traces as they end. */
    @Bean
    SpanProcessor watchedTraces() {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {}

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                if (watched.contains(span.getSpanContext().getTraceId())) {
                    spans.export(List.of(span.toSpanData()));
                }
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }

            @Override
            public CompletableResultCode shutdown() {
                return spans.shutdown();
            }
        };
    }

    /** A new sampled trace, as if a caller's span had sent the request; its spans are kept from now on. */
    public Trace start() {
        var random = ThreadLocalRandom.current();
        String traceId =
                HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
        String callerSpanId = HexFormat.of().toHexDigits(random.nextLong() | 1);
        watched.add(traceId);
        return new Trace(traceId, callerSpanId, spans);
    }

    /**
     * The trace a test follows.
     *
     * @param callerSpanId the span id of the (fictitious) caller: the parent of the service's first span
     * @param finished where the spans of watched traces go as they end
     */
    public record Trace(String id, String callerSpanId, InMemorySpanExporter finished) {

        /** The W3C header value a caller sends. */
        public String traceparent() {
            return "00-" + id + "-" + callerSpanId + "-01";
        }

        public List<SpanData> spans() {
            return finished.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(id))
                    .toList();
        }

        /** Waits for a span of the trace that matches, and returns the first such. */
        public SpanData await(String description, Predicate<SpanData> matches) {
            Awaitility.await()
                    .alias(description + " in trace " + id + " (spans: " + names() + ")")
                    .atMost(EndToEndFixtures.WAIT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> find(matches).isPresent());
            return find(matches).orElseThrow();
        }

        /** Waits for the span whose parent is {@code parent} and that matches. */
        public SpanData awaitChild(SpanData parent, String description, Predicate<SpanData> matches) {
            return await(
                    description + " under " + parent.getName(),
                    matches.and(s -> s.getParentSpanId().equals(parent.getSpanId())));
        }

        /** Whether {@code ancestor} is on the way from {@code span} up to the root. */
        public boolean descendsFrom(SpanData span, SpanData ancestor) {
            String parent = span.getParentSpanId();
            for (int depth = 0; depth < 50; depth++) {
                if (parent.equals(ancestor.getSpanId())) {
                    return true;
                }
                String current = parent;
                Optional<SpanData> next = find(s -> s.getSpanId().equals(current));
                if (next.isEmpty()) {
                    return false;
                }
                parent = next.get().getParentSpanId();
            }
            return false;
        }

        /** Waits for a JDBC statement span under {@code ancestor} whose SQL contains the text. */
        public SpanData awaitStatementUnder(SpanData ancestor, String sql) {
            await(
                    "a statement '" + sql + "' under " + ancestor.getName(),
                    s -> sqlOf(s).contains(sql) && descendsFrom(s, ancestor));
            return find(s -> sqlOf(s).contains(sql) && descendsFrom(s, ancestor))
                    .orElseThrow();
        }

        private Optional<SpanData> find(Predicate<SpanData> matches) {
            return spans().stream().filter(matches).findFirst();
        }

        private List<String> names() {
            return spans().stream().map(s -> s.getKind() + " " + s.getName()).toList();
        }
    }

    public static Predicate<SpanData> kind(SpanKind kind) {
        return s -> s.getKind() == kind;
    }

    public static Predicate<SpanData> named(String name) {
        return s -> s.getName().equals(name);
    }

    public static String sqlOf(SpanData span) {
        String sql = span.getAttributes().get(JDBC_QUERY);
        return sql == null ? "" : sql;
    }

    public static void assertSameTrace(Trace trace, SpanData... spans) {
        for (SpanData span : spans) {
            assertThat(span.getTraceId()).as(span.getName()).isEqualTo(trace.id());
        }
    }
}
