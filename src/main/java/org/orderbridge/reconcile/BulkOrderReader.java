package org.orderbridge.reconcile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a grouped bulk query result one root object at a time: a line without {@code __parentId} starts an object, the
 * lines below it that name it as their parent are the nodes of its nested connections, put back under the connection
 * their id's type belongs to ({@code gid://shopify/LineItem/…} under {@code lineItems}, as {@code {nodes: [...]}}).
 * Holds one object and one line of look-ahead, never the file.
 */
final class BulkOrderReader implements AutoCloseable {

    private final BufferedReader lines;
    private final ObjectMapper json;
    private final Map<String, String> connectionByType;
    private @Nullable ObjectNode lookahead;
    private long linesRead;
    private long linesConsumed;

    /**
     * @param connectionByType the connection field each child type's lines belong to, e.g. LineItem → lineItems
     * @param skipLines lines consumed before, by an earlier reading of the same file; they are skipped unparsed
     */
    BulkOrderReader(InputStream in, ObjectMapper json, Map<String, String> connectionByType, long skipLines) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        this.json = json;
        this.connectionByType = Map.copyOf(connectionByType);
        try {
            while (linesRead < skipLines && lines.readLine() != null) {
                linesRead++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.linesConsumed = linesRead;
    }

    /** The next root object with its children nested again, or null after the last. */
    @Nullable ObjectNode next() {
        ObjectNode root = lookahead != null ? lookahead : readLine();
        lookahead = null;
        if (root == null) {
            return null;
        }
        if (root.has("__parentId")) {
            throw new MalformedBulkResult("Line " + linesRead + " has a parent that is not directly above it: "
                    + root.path("__parentId").asString() + " (is the result grouped?)");
        }
        long consumed = linesRead;
        String rootId = root.path("id").asString();
        while (true) {
            ObjectNode line = readLine();
            if (line == null || !line.has("__parentId")) {
                lookahead = line;
                break;
            }
            consumed = linesRead;
            String parentId = line.remove("__parentId").asString();
            if (!parentId.equals(rootId)) {
                throw new MalformedBulkResult("Line " + linesRead + " belongs to " + parentId
                        + ", not to the object above it, " + rootId + " (is the result grouped?)");
            }
            String connection = connectionByType.get(typeOf(line.path("id").asString()));
            if (connection == null) {
                throw new MalformedBulkResult(
                        "Line " + linesRead + " is a " + line.path("id").asString() + ", which no connection holds");
            }
            JsonNode existing = root.path(connection).path("nodes");
            ArrayNode nodes = existing instanceof ArrayNode array
                    ? array
                    : root.putObject(connection).putArray("nodes");
            nodes.add(line);
        }
        linesConsumed = consumed;
        // Connections without a single node are still there, empty, as a paginated read returns them.
        connectionByType.values().forEach(connection -> {
            if (!root.has(connection)) {
                root.putObject(connection).putArray("nodes");
            }
        });
        return root;
    }

    /** Lines of the file up to and including the last object {@link #next()} returned, with its children. */
    long linesConsumed() {
        return linesConsumed;
    }

    private @Nullable ObjectNode readLine() {
        try {
            String text;
            do {
                text = lines.readLine();
                if (text == null) {
                    return null;
                }
                linesRead++;
            } while (text.isBlank());
            JsonNode node = json.readTree(text);
            if (!(node instanceof ObjectNode object)) {
                throw new MalformedBulkResult("Line " + linesRead + " is not a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("Bulk result broke off after line " + linesRead, e);
        }
    }

    private static String typeOf(String gid) {
        // gid://shopify/LineItem/123
        String[] parts = gid.split("/");
        return parts.length >= 5 ? parts[3] : "";
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file is not a grouped bulk result as the query asked for. */
    static final class MalformedBulkResult extends RuntimeException {
        MalformedBulkResult(String message) {
            super(message);
        }
    }
}
