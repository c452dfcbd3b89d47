package org.orderbridge.reliability;

import static org.awaitility.Awaitility.await;
import static org.orderbridge.reliability.ReliabilityFixtures.PUSH_SHOP;
import static org.orderbridge.reliability.ReliabilityFixtures.PUSH_VISIBILITY_SECONDS;
import static org.orderbridge.reliability.ReliabilityFixtures.SHOPIFY_TOKEN;
import static org.orderbridge.reliability.ReliabilityFixtures.WEBHOOK_SECRET;
import static org.orderbridge.reliability.ReliabilityFixtures.WEBHOOK_SHOP;
import static org.orderbridge.reliability.ReliabilityFixtures.WORK;
import static org.orderbridge.reliability.ReliabilityFixtures.freePort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.orderbridge.platform.EmbeddedServices;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.ShopifySimulator;

/**
 * OrderBridge in its own JVM, configured through the environment like the ECS task. Its classpath is the
 * test run's without test-classes: component scanning would otherwise pick up the tests' configurations.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The heap the image gives the service (the Dockerfile's {@code -Xmx}), for tests that bound its memory. */
    static final String IMAGE_HEAP = imageHeap();

    private final String name;
    private final ProcessBuilder builder;
    private final int port;
    private final Path log;
    private Duration readyTimeout = Duration.ofSeconds(120);
    private Process process;

    private ServiceProcess(String name, ProcessBuilder builder, int port, Path log) {
        this.name = name;
        this.builder = builder;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, PostgresServers database, SqsServer sqs, ShopifySimulator shopify)
            throws IOException {
        return start(name, database, sqs.serviceEndpoint(), shopify);
    }

    /** With its own way to the SQS server, e.g. a {@link SqsTap} that records what this instance does. */
    static ServiceProcess start(String name, PostgresServers database, String sqsEndpoint, ShopifySimulator shopify)
            throws IOException {
        return start(name, database, sqsEndpoint, shopify, Duration.ofSeconds(120));
    }

    /** With longer to become ready, for JVMs that start side by side on a busy machine. */
    static ServiceProcess start(
            String name, PostgresServers database, String sqsEndpoint, ShopifySimulator shopify, Duration readyTimeout)
            throws IOException {
        return start(name, database, sqsEndpoint, shopify, "384m", List.of(), readyTimeout);
    }

    /**
     * @param heap the JVM's maximum heap ({@code -Xmx})
     * @param arguments further settings, as {@code --name=value}
     */
    static ServiceProcess start(
            String name,
            PostgresServers database,
            SqsServer sqs,
            ShopifySimulator shopify,
            String heap,
            List<String> arguments)
            throws IOException {
        return start(name, database, sqs.serviceEndpoint(), shopify, heap, arguments, Duration.ofSeconds(120));
    }

    private static String imageHeap() {
        try {
            Matcher heap = Pattern.compile("JAVA_TOOL_OPTIONS=\"[^\"]*-Xmx(\\d+[mg])")
                    .matcher(Files.readString(Path.of("Dockerfile")));
            if (!heap.find()) {
                throw new IllegalStateException("No -Xmx in the Dockerfile's JAVA_TOOL_OPTIONS");
            }
            return heap.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceProcess start(
            String name,
            PostgresServers database,
            String sqsEndpoint,
            ShopifySimulator shopify,
            String heap,
            List<String> arguments,
            Duration readyTimeout)
            throws IOException {
        Files.createDirectories(WORK);
        int port = freePort();
        String testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String classpath = Arrays.stream(testClasspath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                "org.orderbridge.OrderBridgeApplication",
                "--orderbridge.shopify.admin-url=" + shopify.adminUrlTemplate(),
                // The webhook shop needs a token too: by default only connected shops may send webhooks.
                "--orderbridge.shopify.access-tokens=" + PUSH_SHOP + "=" + SHOPIFY_TOKEN + "," + WEBHOOK_SHOP + "="
                        + SHOPIFY_TOKEN,
                "--orderbridge.webhook.retry.initial-backoff=1s",
                "--orderbridge.push.visibility-timeout=" + PUSH_VISIBILITY_SECONDS + "s",
                "--orderbridge.push.deadline=" + (PUSH_VISIBILITY_SECONDS - 10) + "s",
                "--orderbridge.shopify.connect-timeout=1s",
                "--orderbridge.shopify.read-timeout=3s",
                // The simulator catalogues nothing here: the traffic's SKU-only lines stay custom items.
                "--orderbridge.shopify.sku-lines.custom-items-allowed=true",
                // The simulator serves bulk results itself, over plain HTTP.
                "--orderbridge.shopify.bulk-results.hosts=127.0.0.1",
                "--orderbridge.shopify.bulk-results.plain-http-allowed=true",
                "--spring.cloud.aws.credentials.access-key=local",
                "--spring.cloud.aws.credentials.secret-key=local"));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command);
        builder.environment()
                .putAll(Map.of(
                        "SERVER_PORT",
                        String.valueOf(port),
                        "DATABASE_URL",
                        database.jdbcUrl(),
                        "DATABASE_USERNAME",
                        "postgres",
                        "DATABASE_PASSWORD",
                        "postgres",
                        "SQS_ENDPOINT",
                        sqsEndpoint,
                        "AWS_REGION",
                        EmbeddedServices.REGION,
                        "WEBHOOK_QUEUE",
                        "orderbridge-webhooks",
                        "PUSH_QUEUE",
                        "orderbridge-push",
                        "SHOPIFY_WEBHOOK_SECRETS",
                        WEBHOOK_SECRET,
                        "API_KEYS",
                        "admin:admin:" + PushFixtures.ADMIN_KEY + ",writer:write:" + PushFixtures.WRITE_KEY));
        Path log = WORK.resolve(name + ".log");
        Files.deleteIfExists(log);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        var service = new ServiceProcess(name, builder, port, log);
        service.readyTimeout = readyTimeout;
        service.launch();
        return service;
    }

    private void launch() throws IOException {
        process = builder.start();
        try {
            await(name + " ready")
                    .atMost(readyTimeout)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast(name + " exited", () -> !process.isAlive())
                    .until(() -> readiness(port) == 200);
        } catch (ConditionTimeoutException | TerminalFailureException notReady) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not become ready; see " + log, notReady);
        }
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no acknowledgement of in-flight messages, no graceful anything. */
    void crash() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** A new JVM on the same port, as ECS replaces a dead task behind the same target group. */
    void restart() throws IOException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The status of the service's readiness endpoint; 0 when it does not answer. */
    static int readiness(int port) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
