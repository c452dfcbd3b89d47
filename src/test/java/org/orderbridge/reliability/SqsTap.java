package org.orderbridge.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An HTTP proxy in front of the SQS server, one per service instance, that records what that instance did with
 * the queues: the messages it sent, received, put back and deleted. SQS itself cannot say which instance took a
 * message; with one tap per instance, the scale-out test can (the service's SQS client speaks AWS JSON 1.0).
 */
final class SqsTap implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** One message event: what happened, on which queue, to which message (its id, or for a send its body). */
    record Event(Instant at, String action, String queue, String message) {}

    private final String name;
    private final String target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(executor)
            .build();
    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    /** Receipt handle → message id, from the receives, so that deletes and visibility changes name the message. */
    private final Map<String, String> receipts = new ConcurrentHashMap<>();

    SqsTap(String name, String target) throws IOException {
        this.name = name;
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    String name() {
        return name;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    long count(String action, String queue) {
        return events.stream()
                .filter(e -> e.action().equals(action) && e.queue().equals(queue))
                .count();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((header, values) -> {
                if (!NOT_FORWARDED.contains(header.toLowerCase())) {
                    values.forEach(value -> request.header(header, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (operation != null && response.statusCode() / 100 == 2) {
                record(operation.substring(operation.indexOf('.') + 1), body, response.body());
            }
            response.headers().map().forEach((header, values) -> {
                if (!NOT_FORWARDED.contains(header.toLowerCase()) && !header.equals(":status")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(header, value));
                }
            });
            exchange.sendResponseHeaders(
                    response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        }
    }

    private void record(String operation, byte[] requestBody, byte[] responseBody) {
        Instant now = Instant.now();
        JsonNode request = JSON.readTree(requestBody);
        String url = request.path("QueueUrl").asString("");
        String queue = url.substring(url.lastIndexOf('/') + 1);
        switch (operation) {
            case "SendMessage" ->
                events.add(new Event(
                        now, "send", queue, request.path("MessageBody").asString()));
            case "SendMessageBatch" ->
                request.path("Entries")
                        .forEach(entry -> events.add(new Event(
                                now, "send", queue, entry.path("MessageBody").asString())));
            case "ReceiveMessage" ->
                JSON.readTree(responseBody).path("Messages").forEach(message -> {
                    String id = message.path("MessageId").asString();
                    receipts.put(message.path("ReceiptHandle").asString(), id);
                    events.add(new Event(now, "receive", queue, id));
                });
            case "DeleteMessage" -> events.add(new Event(now, "delete", queue, messageOf(request)));
            case "DeleteMessageBatch" ->
                request.path("Entries").forEach(entry -> events.add(new Event(now, "delete", queue, messageOf(entry))));
            case "ChangeMessageVisibility" -> events.add(new Event(now, "visibility", queue, messageOf(request)));
            case "ChangeMessageVisibilityBatch" ->
                request.path("Entries")
                        .forEach(entry -> events.add(new Event(now, "visibility", queue, messageOf(entry))));
            default -> {}
        }
    }

    private String messageOf(JsonNode entry) {
        return receipts.getOrDefault(entry.path("ReceiptHandle").asString(), "unknown receipt");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
