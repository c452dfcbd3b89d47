package org.orderbridge.platform.database;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers Secrets Manager's {@code GetSecretValue} over its real JSON protocol, for the one secret it holds, and
 * records every call: the SDK client under test talks to it as it would to AWS.
 */
final class SecretsManagerStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String secretId;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String secretString;

    SecretsManagerStandIn(String secretId, String username, String password) throws IOException {
        this.secretId = secretId;
        put(username, password);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            var request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            calls.add(target + " " + request.path("SecretId").asString());
            boolean known = "secretsmanager.GetSecretValue".equals(target)
                    && secretId.equals(request.path("SecretId").asString());
            byte[] body = JSON.writeValueAsBytes(
                    known
                            ? Map.of(
                                    "ARN",
                                    secretId,
                                    "Name",
                                    "database",
                                    "SecretString",
                                    secretString,
                                    "VersionId",
                                    "v-" + secretString.hashCode(),
                                    "VersionStages",
                                    List.of("AWSCURRENT"))
                            : Map.of(
                                    "__type", "ResourceNotFoundException", "message", "Secrets Manager can't find it"));
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(known ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    void put(String username, String password) {
        secretString = new String(
                JSON.writeValueAsBytes(Map.of("username", username, "password", password, "engine", "postgres")),
                StandardCharsets.UTF_8);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    String secretId() {
        return secretId;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
