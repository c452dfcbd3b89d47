package org.orderbridge.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.parser.Parser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Shopify's bulk query operations: {@code bulkOperationRunQuery} starts one (CREATED), a background thread runs it
 * (RUNNING) by executing the query's root connection page by page through the same resolvers as an ordinary request,
 * and writes Shopify's JSONL to a file: one line per object, objects of nested connections on lines of their own with
 * {@code __parentId}, directly below their parent when {@code groupObjects} is true, after the page's parents when it
 * is false. The operation then is COMPLETED with a {@code url} this simulator serves (none when nothing matched),
 * FAILED, or CANCELED. Tests can hold operations in RUNNING and make the next one fail.
 */
public final class SimulatedBulkOperations implements AutoCloseable {

    /** Shopify allows several bulk queries at once per shop from API 2026-01; a further one gets LIMIT_REACHED. */
    static final int CONCURRENT_LIMIT = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 250;
    private static final String PATH_PREFIX = "/_sim/bulk/";

    private final SimulatedStore store;
    private final AtomicLong ids = new AtomicLong(7_300_000_000L);
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>(new CountDownLatch(0));
    private final AtomicReference<String> nextFailure = new AtomicReference<>();
    private volatile URI publishedAt = URI.create("http://127.0.0.1/");
    private volatile boolean closed;

    SimulatedBulkOperations(SimulatedStore store) {
        this.store = store;
    }

    /** Operations started from now on stay RUNNING until {@link #release()}. */
    public void hold() {
        hold.updateAndGet(latch -> latch.getCount() == 0 ? new CountDownLatch(1) : latch);
    }

    /** Lets held operations run to completion. */
    public void release() {
        hold.get().countDown();
    }

    /** The next operation to run ends FAILED with this {@code errorCode} (ACCESS_DENIED, INTERNAL_SERVER_ERROR, TIMEOUT). */
    public void failNext(String errorCode) {
        nextFailure.set(errorCode);
    }

    /** Every operation started, oldest first. */
    public List<Map<String, Object>> all(String shop) {
        return operations.values().stream()
                .filter(o -> o.shop.equals(shop))
                .sorted(java.util.Comparator.comparingLong(o -> o.number))
                .map(Operation::asGraphql)
                .toList();
    }

    /** Bulk query operations started for the shop. */
    public long started(String shop) {
        return operations.values().stream().filter(o -> o.shop.equals(shop)).count();
    }

    void publishAt(URI base) {
        this.publishedAt = base;
    }

    static boolean serves(String path) {
        return path.startsWith(PATH_PREFIX);
    }

    /** Streams a result file, as the signed storage URL Shopify hands out does; 404 for one that does not exist. */
    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Operation operation = operations.values().stream()
                .filter(o -> path.equals(PATH_PREFIX + o.number + ".jsonl"))
                .findFirst()
                .orElse(null);
        if (operation == null || operation.file == null || !Files.exists(operation.file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/jsonl");
        exchange.sendResponseHeaders(200, Files.size(operation.file));
        try (InputStream in = Files.newInputStream(operation.file);
                OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }

    /** {@code bulkOperationRunQuery}: the new operation, or a userError in Shopify's shape. */
    Map<String, Object> runQuery(String shop, String query, boolean groupObjects) {
        var payload = new LinkedHashMap<String, Object>();
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException invalid) {
            return refused(payload, "INVALID", "Invalid bulk query: " + invalid.getMessage());
        }
        var validation = graphql.ParseAndValidate.validate(AdminSchema.get(), document);
        if (!validation.isEmpty()) {
            return refused(
                    payload,
                    "INVALID",
                    "Invalid bulk query: " + validation.getFirst().getMessage());
        }
        Optional<Field> root = rootConnection(document);
        if (root.isEmpty()) {
            return refused(payload, "INVALID", "Bulk queries must contain at least one connection.");
        }
        synchronized (this) {
            long active = operations.values().stream()
                    .filter(o -> o.shop.equals(shop) && !o.finished())
                    .count();
            if (active >= CONCURRENT_LIMIT) {
                return refused(payload, "LIMIT_REACHED", "Bulk operations limit reached. Please try again later.");
            }
            var operation = new Operation(ids.incrementAndGet(), shop, query, document, groupObjects);
            operations.put(operation.id(), operation);
            Thread.ofVirtual().name("bulk-" + operation.number).start(() -> run(operation, hold.get()));
            payload.put("bulkOperation", operation.asGraphql());
        }
        payload.put("userErrors", List.of());
        return payload;
    }

    Map<String, Object> find(String shop, String id) {
        Operation operation = operations.get(id);
        return operation == null || !operation.shop.equals(shop) ? null : operation.asGraphql();
    }

    /** {@code currentBulkOperation}: the shop's most recent query operation. */
    Map<String, Object> current(String shop) {
        return operations.values().stream()
                .filter(o -> o.shop.equals(shop))
                .max(java.util.Comparator.comparingLong(o -> o.number))
                .map(Operation::asGraphql)
                .orElse(null);
    }

    Map<String, Object> cancel(String shop, String id) {
        var payload = new LinkedHashMap<String, Object>();
        Operation operation = operations.get(id);
        if (operation == null || !operation.shop.equals(shop)) {
            return refused(payload, null, "Bulk operation does not exist");
        }
        synchronized (operation) {
            if (operation.finished()) {
                payload.put("bulkOperation", operation.asGraphql());
                payload.put(
                        "userErrors",
                        List.of(userError(
                                null,
                                "A bulk operation cannot be canceled when it is " + operation.status.toLowerCase())));
                return payload;
            }
            operation.status = "CANCELING";
        }
        payload.put("bulkOperation", operation.asGraphql());
        payload.put("userErrors", List.of());
        return payload;
    }

    private void run(Operation operation, CountDownLatch gate) {
        try {
            operation.status("RUNNING");
            gate.await();
            if (closed) {
                return;
            }
            String failure = nextFailure.getAndSet(null);
            if (failure != null) {
                operation.fail(failure);
                return;
            }
            Path file = Files.createTempFile("shopify-sim-bulk-" + operation.number + "-", ".jsonl");
            file.toFile().deleteOnExit();
            operation.file = file;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                String cursor = null;
                do {
                    if (operation.status.equals("CANCELING")) {
                        operation.status("CANCELED");
                        return;
                    }
                    Map<String, Object> connection = page(operation, cursor);
                    cursor = write(operation, connection, out);
                } while (cursor != null);
            }
            operation.complete(Files.size(file), publishedAt.resolve(PATH_PREFIX + operation.number + ".jsonl"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            operation.fail("INTERNAL_SERVER_ERROR");
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                // A simulator bug must be visible in the test output, not only as a FAILED operation.
                e.printStackTrace();
            }
            operation.fail("INTERNAL_SERVER_ERROR");
        }
    }

    /** One page of the root connection, through the simulator's ordinary resolvers. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> page(Operation operation, String cursor) {
        Document paged = paged(operation.document, cursor);
        ExecutionResult result = SimulatorGraphql.execute(
                ExecutionInput.newExecutionInput(graphql.language.AstPrinter.printAst(paged))
                        .build(),
                new SimulatorGraphql.Scope(
                        store,
                        operation.shop,
                        Collections.synchronizedList(new ArrayList<>()),
                        Collections.synchronizedList(new ArrayList<>())));
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException("Bulk query failed: " + result.getErrors());
        }
        Map<String, Object> data = result.getData();
        return (Map<String, Object>) data.values().iterator().next();
    }

    /** Writes a page's objects; returns the cursor of the next page, null after the last. */
    @SuppressWarnings("unchecked")
    private String write(Operation operation, Map<String, Object> connection, BufferedWriter out) throws IOException {
        if (connection == null) {
            return null;
        }
        var deferredChildren = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> node : nodes(connection)) {
            var parent = new LinkedHashMap<String, Object>();
            var children = new ArrayList<Map<String, Object>>();
            node.forEach((key, value) -> {
                if (value instanceof Map<?, ?> nested && isConnection((Map<String, Object>) nested)) {
                    for (Map<String, Object> child : nodes((Map<String, Object>) nested)) {
                        var line = new LinkedHashMap<>(child);
                        line.put("__parentId", node.get("id"));
                        children.add(line);
                    }
                } else {
                    parent.put(key, value);
                }
            });
            line(out, parent);
            operation.rootObjects.incrementAndGet();
            operation.objects.incrementAndGet();
            if (operation.groupObjects) {
                for (var child : children) {
                    line(out, child);
                    operation.objects.incrementAndGet();
                }
            } else {
                deferredChildren.addAll(children);
            }
        }
        for (var child : deferredChildren) {
            line(out, child);
            operation.objects.incrementAndGet();
        }
        Map<String, Object> pageInfo = (Map<String, Object>) connection.get("pageInfo");
        return pageInfo != null && Boolean.TRUE.equals(pageInfo.get("hasNextPage"))
                ? (String) pageInfo.get("endCursor")
                : null;
    }

    private static void line(BufferedWriter out, Map<String, Object> object) throws IOException {
        out.write(JSON.writeValueAsString(object));
        out.write('\n');
    }

    private static boolean isConnection(Map<String, Object> value) {
        return value.containsKey("edges") || value.containsKey("nodes");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> connection) {
        if (connection.get("nodes") instanceof List<?> nodes) {
            return (List<Map<String, Object>>) nodes;
        }
        if (connection.get("edges") instanceof List<?> edges) {
            return edges.stream()
                    .map(edge -> (Map<String, Object>) ((Map<String, Object>) edge).get("node"))
                    .toList();
        }
        return List.of();
    }

    private static Optional<Field> rootConnection(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .findFirst()
                .flatMap(operation -> operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                        .filter(SimulatedBulkOperations::selectsConnection)
                        .findFirst());
    }

    private static boolean selectsConnection(Field field) {
        return field.getSelectionSet() != null
                && field.getSelectionSet().getSelectionsOfType(Field.class).stream()
                        .anyMatch(
                                f -> f.getName().equals("edges") || f.getName().equals("nodes"));
    }

    /**
     * The bulk query as one page of an ordinary query: bulk queries carry no page sizes, which the ordinary resolvers
     * need, so every connection gets {@code first}, and the root connection {@code after} and {@code pageInfo}; and
     * {@code edges { node { … } } } is read as {@code nodes { … } }, which the resolvers answer alike.
     */
    private static Document paged(Document document, String cursor) {
        OperationDefinition operation =
                document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        var selections = new ArrayList<graphql.language.Selection>();
        boolean rootSeen = false;
        for (var selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field && !rootSeen && selectsConnection(field)) {
                rootSeen = true;
                selections.add(paged(field, cursor, true));
            } else {
                selections.add(selection);
            }
        }
        OperationDefinition paged = operation.transform(o -> o.selectionSet(new SelectionSet(selections)));
        return document.transform(d -> d.definitions(List.of(paged)));
    }

    private static Field paged(Field field, String cursor, boolean root) {
        if (field.getSelectionSet() == null) {
            return field;
        }
        var selections = new ArrayList<graphql.language.Selection>();
        for (var selection : field.getSelectionSet().getSelections()) {
            if (selection instanceof Field child
                    && child.getName().equals("edges")
                    && child.getSelectionSet() != null) {
                child.getSelectionSet().getSelectionsOfType(Field.class).stream()
                        .filter(f -> f.getName().equals("node"))
                        .findFirst()
                        .ifPresent(node -> selections.add(
                                paged(new Field("nodes", List.of(), node.getSelectionSet()), null, false)));
            } else if (selection instanceof Field child) {
                selections.add(paged(child, null, false));
            } else {
                selections.add(selection);
            }
        }
        var arguments = new ArrayList<>(field.getArguments());
        if (selectsConnection(field)) {
            if (arguments.stream()
                    .noneMatch(a -> a.getName().equals("first") || a.getName().equals("last"))) {
                arguments.add(new Argument("first", new IntValue(BigInteger.valueOf(PAGE_SIZE))));
            }
            if (root) {
                if (cursor != null) {
                    arguments.add(new Argument("after", new StringValue(cursor)));
                }
                selections.add(new Field(
                        "pageInfo",
                        List.of(),
                        new SelectionSet(List.of(new Field("hasNextPage"), new Field("endCursor")))));
            }
        }
        return field.transform(f -> f.arguments(arguments).selectionSet(new SelectionSet(selections)));
    }

    private static Map<String, Object> refused(Map<String, Object> payload, String code, String message) {
        payload.put("bulkOperation", null);
        payload.put("userErrors", List.of(userError(code, message)));
        return payload;
    }

    private static Map<String, Object> userError(String code, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", null);
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    @Override
    public void close() {
        closed = true;
        release();
        operations.values().forEach(o -> {
            try {
                if (o.file != null) {
                    Files.deleteIfExists(o.file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final class Operation {
        final long number;
        final String shop;
        final String query;
        final Document document;
        final boolean groupObjects;
        final OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        final AtomicLong objects = new AtomicLong();
        final AtomicLong rootObjects = new AtomicLong();
        volatile String status = "CREATED";
        volatile String errorCode;
        volatile OffsetDateTime completedAt;
        volatile Long fileSize;
        volatile URI url;
        volatile Path file;

        Operation(long number, String shop, String query, Document document, boolean groupObjects) {
            this.number = number;
            this.shop = shop;
            this.query = query;
            this.document = document;
            this.groupObjects = groupObjects;
        }

        String id() {
            return "gid://shopify/BulkOperation/" + number;
        }

        boolean finished() {
            return switch (status) {
                case "COMPLETED", "FAILED", "CANCELED", "EXPIRED" -> true;
                default -> false;
            };
        }

        synchronized void status(String next) {
            if (!finished()) {
                status = next;
            }
        }

        synchronized void fail(String code) {
            errorCode = code;
            completedAt = OffsetDateTime.now(ZoneOffset.UTC);
            status = "FAILED";
        }

        synchronized void complete(long size, URI location) {
            completedAt = OffsetDateTime.now(ZoneOffset.UTC);
            // Shopify hands out no file when the query matched nothing.
            fileSize = objects.get() == 0 ? null : size;
            url = objects.get() == 0 ? null : location;
            status = "COMPLETED";
        }

        Map<String, Object> asGraphql() {
            var map = new LinkedHashMap<String, Object>();
            map.put("__typename", "BulkOperation");
            map.put("id", id());
            map.put("type", "QUERY");
            map.put("status", status);
            map.put("errorCode", errorCode);
            map.put("createdAt", createdAt.toString());
            map.put("completedAt", completedAt == null ? null : completedAt.toString());
            map.put("objectCount", Long.toString(objects.get()));
            map.put("rootObjectCount", Long.toString(rootObjects.get()));
            map.put("fileSize", fileSize == null ? null : fileSize.toString());
            map.put("url", url == null ? null : url.toString());
            map.put("partialDataUrl", null);
            map.put("query", query);
            return map;
        }
    }
}
