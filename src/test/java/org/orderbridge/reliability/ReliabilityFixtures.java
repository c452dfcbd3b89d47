package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.orderbridge.platform.EmbeddedServices;
import org.orderbridge.platform.FaultProxy;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.orderbridge.webhook.WebhookFixtures;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.ObjectMapper;

/**
 * The reliability suite's world: real PostgreSQL servers (a primary, optionally with a synchronous streaming
 * standby), ElasticMQ behind a cuttable proxy and the Shopify simulator in the test JVM, and OrderBridge as a
 * separate JVM that can be killed; traffic that records every answer, and the checks of what got stored.
 */
final class ReliabilityFixtures {

    static final String WEBHOOK_SECRET = "local-webhook-secret";
    static final String WEBHOOK_SHOP = "alpha.myshopify.com";
    static final String PUSH_SHOP = PushFixtures.SHOP;
    static final String SHOPIFY_TOKEN = "shpat_reliability";
    static final Path WORK = Path.of("target", "reliability").toAbsolutePath();
    /** Webhook queue visibility of the tests: a message taken by a cut long poll or a killed JVM returns soon. */
    static final int WEBHOOK_VISIBILITY_SECONDS = 5;

    /**
     * Push queue visibility of the tests, and the service's push lease with it; the push deadline is what this leaves
     * after the service's 10 s margin, room for two Shopify requests of at most 4 s (connect 1 s, read 3 s).
     */
    static final int PUSH_VISIBILITY_SECONDS = 20;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReliabilityFixtures() {}

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShopifySimulator shopify() {
        // Latency keeps pushes in flight long enough for a crash to hit some of them.
        return ShopifySimulator.builder()
                .port(0)
                .shop(PUSH_SHOP, SHOPIFY_TOKEN)
                .costLimits(2000, 1000)
                .latency(Duration.ofMillis(300))
                .start();
    }

    /** Appends a scenario's figures to target/reliability/measurements.txt and prints them. */
    static void record(String scenario, Map<String, Object> figures) {
        String line = Instant.now() + " " + scenario + " " + figures;
        System.out.println("[reliability] " + line);
        try {
            Files.createDirectories(WORK);
            Files.writeString(
                    WORK.resolve("measurements.txt"),
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PostgreSQL 15 from the machine's installation ({@code PG_BIN}, default /usr/lib/postgresql/15/bin): the
     * embedded test binaries have no pg_basebackup. PostgreSQL refuses to run as root, so as root every server
     * command runs as {@code nobody} through runuser, in a temporary directory owned by nobody.
     */
    static final class PostgresServers implements AutoCloseable {

        private static final Path BIN = Path.of(System.getenv().getOrDefault("PG_BIN", "/usr/lib/postgresql/15/bin"));
        private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

        private final Path root;
        private final Path primary;
        private final int primaryPort;
        private Path standby;
        private int standbyPort;

        private PostgresServers() throws IOException {
            root = Files.createTempDirectory("orderbridge-pg");
            if (ROOT) {
                Files.setOwner(
                        root,
                        root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            }
            primary = root.resolve("primary");
            primaryPort = freePort();
            run(
                    BIN.resolve("initdb").toString(),
                    "-D",
                    primary.toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-N",
                    "-E",
                    "UTF8",
                    "--locale=C");
            Files.writeString(
                    primary.resolve("postgresql.conf"), """

                    listen_addresses = '127.0.0.1'
                    port = %d
                    unix_socket_directories = ''
                    max_connections = 100
                    wal_level = replica
                    max_wal_senders = 5
                    wal_keep_size = '256MB'
                    # A killed process loses no page cache; only power loss would need fsync.
                    fsync = off
                    """.formatted(primaryPort), StandardOpenOption.APPEND);
            start(primary);
        }

        static PostgresServers primaryOnly() throws IOException {
            return new PostgresServers();
        }

        /**
         * A primary and a hot standby that every commit waits for, as on RDS Multi-AZ (synchronous storage
         * replication) and Aurora (shared storage): a commit the client saw cannot be lost by the failover.
         */
        static PostgresServers primaryWithSynchronousStandby() throws IOException, SQLException {
            var servers = new PostgresServers();
            servers.standby = servers.root.resolve("standby");
            servers.standbyPort = freePort();
            servers.run(
                    BIN.resolve("pg_basebackup").toString(),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(servers.primaryPort),
                    "-U",
                    "postgres",
                    "-D",
                    servers.standby.toString(),
                    "-R",
                    "-X",
                    "stream",
                    "-c",
                    "fast");
            Files.writeString(
                    servers.standby.resolve("postgresql.conf"),
                    "\nport = " + servers.standbyPort + "\n",
                    StandardOpenOption.APPEND);
            servers.start(servers.standby);
            // Only now: the base backup must not carry the setting, or the promoted standby would wait for itself.
            try (Connection c = connect(servers.primaryPort);
                    var s = c.createStatement()) {
                s.execute("alter system set synchronous_standby_names = '*'");
                s.execute("select pg_reload_conf()");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!servers.standbyIsSynchronous()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standby did not become a synchronous standby");
                }
                sleep(Duration.ofMillis(100));
            }
            return servers;
        }

        private boolean standbyIsSynchronous() throws SQLException {
            try (Connection c = connect(primaryPort);
                    var s = c.createStatement();
                    var rs = s.executeQuery("select count(*) from pg_stat_replication where sync_state = 'sync'")) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }

        /** The URL the service gets: pgjdbc tries the hosts in turn and takes the one that accepts writes. */
        String jdbcUrl() {
            String hosts = standby == null
                    ? "127.0.0.1:" + primaryPort
                    : "127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort;
            return "jdbc:postgresql://" + hosts + "/postgres?targetServerType=primary";
        }

        int primaryPort() {
            return primaryPort;
        }

        int standbyPort() {
            return standbyPort;
        }

        /** Like a crashed instance: no checkpoint, every connection dropped. */
        void killPrimary() {
            pgCtl(primary, "stop", "-m", "immediate");
        }

        void promoteStandby() {
            pgCtl(standby, "promote", "-w", "-t", "30");
        }

        static Connection connect(int port) throws SQLException {
            return DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres");
        }

        private void start(Path dataDirectory) {
            pgCtl(
                    dataDirectory,
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    root.resolve(dataDirectory.getFileName() + ".log").toString());
        }

        private void pgCtl(Path dataDirectory, String... arguments) {
            var command = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDirectory.toString()));
            command.addAll(List.of(arguments));
            run(command.toArray(String[]::new));
        }

        private void run(String... command) {
            var full = new ArrayList<String>();
            if (ROOT) {
                full.addAll(List.of("runuser", "-u", "nobody", "--"));
            }
            full.addAll(List.of(command));
            try {
                Path output = Files.createTempFile("orderbridge-pg-command", ".log");
                try {
                    Process process = new ProcessBuilder(full)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
                    if (!process.waitFor(90, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        throw new IllegalStateException("timed out: " + full);
                    }
                    if (process.exitValue() != 0) {
                        throw new IllegalStateException(
                                "failed (" + process.exitValue() + "): " + full + "\n" + Files.readString(output));
                    }
                } finally {
                    Files.deleteIfExists(output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Stops whatever still runs, keeps the server logs in target/reliability, deletes the data. */
        @Override
        public void close() throws IOException {
            for (Path dataDirectory :
                    Stream.of(primary, standby).filter(p -> p != null).toList()) {
                if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                    pgCtl(dataDirectory, "stop", "-m", "immediate");
                }
            }
            Files.createDirectories(WORK);
            try (Stream<Path> logs = Files.list(root)) {
                for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                    Files.copy(log, WORK.resolve("postgres-" + log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * ElasticMQ in the test JVM, so that it outlives a killed service, with the AWS stack's queues and
     * dead-letter queues; the service reaches it through a proxy the tests can cut.
     */
    static final class Sqs implements AutoCloseable {

        private final SQSRestServer server;
        private final FaultProxy proxy;
        private final SqsClient client;

        Sqs() throws IOException {
            server = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withDynamicPort()
                    .withAWSRegion(EmbeddedServices.REGION)
                    .start();
            String endpoint = "http://127.0.0.1:"
                    + server.waitUntilStarted().localAddress().getPort();
            EmbeddedServices.createQueues(endpoint, WEBHOOK_VISIBILITY_SECONDS, PUSH_VISIBILITY_SECONDS);
            proxy = new FaultProxy(server.waitUntilStarted().localAddress().getPort());
            client = SqsClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.of(EmbeddedServices.REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
        }

        String serviceEndpoint() {
            return "http://127.0.0.1:" + proxy.port();
        }

        FaultProxy network() {
            return proxy;
        }

        /** Messages in a queue, visible or not. */
        int messages(String queue) {
            String url = client.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            Map<QueueAttributeName, String> attributes = client.getQueueAttributes(b -> b.queueUrl(url)
                            .attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        }

        @Override
        public void close() throws IOException {
            client.close();
            proxy.close();
            server.stopAndWait();
        }
    }

    /**
     * OrderBridge in its own JVM, configured through the environment like the ECS task. Its classpath is the
     * test run's without test-classes: component scanning would otherwise pick up the tests' configurations.
     */
    static final class Service implements AutoCloseable {

        private final String name;
        private final ProcessBuilder builder;
        private final int port;
        private final Path log;
        private Process process;

        private Service(String name, ProcessBuilder builder, int port, Path log) {
            this.name = name;
            this.builder = builder;
            this.port = port;
            this.log = log;
        }

        static Service start(String name, PostgresServers database, Sqs sqs, ShopifySimulator shopify)
                throws IOException {
            Files.createDirectories(WORK);
            int port = freePort();
            String testClasspath =
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String classpath = Arrays.stream(testClasspath.split(File.pathSeparator))
                    .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                    .collect(Collectors.joining(File.pathSeparator));
            var builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-cp",
                    classpath,
                    "org.orderbridge.OrderBridgeApplication",
                    "--orderbridge.shopify.admin-url=" + shopify.adminUrlTemplate(),
                    "--orderbridge.shopify.access-tokens=" + PUSH_SHOP + "=" + SHOPIFY_TOKEN,
                    "--orderbridge.webhook.retry.initial-backoff=1s",
                    "--orderbridge.push.visibility-timeout=" + PUSH_VISIBILITY_SECONDS + "s",
                    "--orderbridge.push.deadline=" + (PUSH_VISIBILITY_SECONDS - 10) + "s",
                    "--orderbridge.shopify.connect-timeout=1s",
                    "--orderbridge.shopify.read-timeout=3s",
                    "--spring.cloud.aws.credentials.access-key=local",
                    "--spring.cloud.aws.credentials.secret-key=local");
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
                            sqs.serviceEndpoint(),
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
            var service = new Service(name, builder, port, log);
            service.launch();
            return service;
        }

        private void launch() throws IOException {
            process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (readiness(port) != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException(name + " did not become ready; see " + log);
                }
                sleep(Duration.ofMillis(250));
            }
        }

        int port() {
            return port;
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
    }

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

    /** Polls readiness like the ALB's health check, faster, and keeps every answer (0: no answer). */
    static final class ReadinessProbe implements AutoCloseable {

        record Sample(Instant at, int status) {}

        private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean running = true;

        ReadinessProbe(int port) {
            thread = Thread.ofPlatform().daemon().name("readiness-probe").start(() -> {
                while (running) {
                    int status = readiness(port);
                    samples.add(new Sample(Instant.now(), status));
                    sleep(Duration.ofMillis(250));
                }
            });
        }

        boolean wasUnreadyBetween(Instant from, Instant to) {
            return samples.stream().anyMatch(s -> s.status() == 503 && !s.at().isBefore(from) && !s.at().isAfter(to));
        }

        Optional<Instant> firstReadyAfter(Instant instant) {
            return samples.stream()
                    .filter(s -> s.status() == 200 && s.at().isAfter(instant))
                    .map(Sample::at)
                    .min(Comparator.naturalOrder());
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(Duration.ofSeconds(10));
        }
    }

    /**
     * Steady load on both write paths, each client retrying what was not acknowledged as Shopify and a
     * well-behaved API client do. Records every answer and what was acknowledged.
     */
    static final class Traffic implements AutoCloseable {

        enum Route {
            WEBHOOK,
            INTAKE
        }

        /** One HTTP exchange; status 0 when the service did not answer at all. */
        record Answer(Route route, Instant sent, Instant received, int status, String retryAfter) {

            /** Acknowledged, no answer at all (the JVM is down), or a retryable refusal that says when. */
            boolean acceptable() {
                return status == 0 || status / 100 == 2 || (status == 503 && retryAfter != null);
            }
        }

        /** Steady rather than saturating: the suite shares two cores with the service and the servers. */
        private static final Duration PACE = Duration.ofMillis(50);

        private final int port;
        private final Map<String, Long> acknowledgedWebhooks = new ConcurrentHashMap<>();
        private final Map<String, String> acceptedOrders = new ConcurrentHashMap<>();
        private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final List<Thread> clients = new ArrayList<>();
        private final AtomicLong shopifyIds = new AtomicLong(7_000_000_000L + (System.nanoTime() & 0xFFFFFFL) * 1000);
        private volatile boolean running = true;

        private Traffic(int port) {
            this.port = port;
        }

        static Traffic start(int port) {
            var traffic = new Traffic(port);
            for (int i = 0; i < 2; i++) {
                traffic.clients.add(
                        Thread.ofPlatform().daemon().name("webhook-sender-" + i).start(traffic::sendWebhooks));
                traffic.clients.add(
                        Thread.ofPlatform().daemon().name("intake-client-" + i).start(traffic::placeOrders));
            }
            return traffic;
        }

        private void sendWebhooks() {
            while (running) {
                long shopifyId = shopifyIds.incrementAndGet();
                String webhookId = UUID.randomUUID().toString();
                byte[] body = WebhookFixtures.order(shopifyId, Instant.parse("2026-11-20T10:00:00Z"), "reliability")
                        .getBytes(StandardCharsets.UTF_8);
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/shopify"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Topic", "orders/create")
                        .header("X-Shopify-Shop-Domain", WEBHOOK_SHOP)
                        .header("X-Shopify-Webhook-Id", webhookId)
                        .header("X-Shopify-API-Version", "2026-10")
                        .header("X-Shopify-Hmac-Sha256", sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                if (sendUntilAccepted(Route.WEBHOOK, request) != null) {
                    acknowledgedWebhooks.put(webhookId, shopifyId);
                }
                sleep(PACE);
            }
        }

        private void placeOrders() {
            while (running) {
                String externalId = "rel-" + UUID.randomUUID();
                byte[] body = json(PushFixtures.orderRequest(externalId, "ada@example.com"));
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", PushFixtures.WRITE_KEY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                String response = sendUntilAccepted(Route.INTAKE, request);
                if (response != null) {
                    acceptedOrders.put(externalId, readId(response));
                }
                sleep(PACE);
            }
        }

        /** The response body once the request is acknowledged (2xx); null when traffic stopped first. */
        private String sendUntilAccepted(Route route, HttpRequest request) {
            while (running) {
                Instant sent = Instant.now();
                try {
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    answers.add(new Answer(
                            route,
                            sent,
                            Instant.now(),
                            response.statusCode(),
                            response.headers().firstValue("Retry-After").orElse(null)));
                    if (response.statusCode() / 100 == 2) {
                        return response.body();
                    }
                } catch (IOException e) {
                    answers.add(new Answer(route, sent, Instant.now(), 0, null));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                sleep(Duration.ofMillis(200));
            }
            return null;
        }

        Map<String, Long> acknowledgedWebhooks() {
            return Map.copyOf(acknowledgedWebhooks);
        }

        Map<String, String> acceptedOrders() {
            return Map.copyOf(acceptedOrders);
        }

        List<Answer> answers() {
            return List.copyOf(answers);
        }

        List<Answer> answers(Route route) {
            return answers.stream().filter(a -> a.route() == route).toList();
        }

        /** Waits until the clients have acknowledgements again, so that a scenario starts under real load. */
        void awaitAcknowledged(int webhooks, int orders, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (acknowledgedWebhooks.size() < webhooks || acceptedOrders.size() < orders) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no steady load: " + acknowledgedWebhooks.size() + " webhooks, "
                            + acceptedOrders.size() + " orders");
                }
                sleep(Duration.ofMillis(100));
            }
        }

        Optional<Instant> firstAcceptedAfter(Route route, Instant instant) {
            return answers.stream()
                    .filter(a -> a.route() == route
                            && a.status() / 100 == 2
                            && a.received().isAfter(instant))
                    .map(Answer::received)
                    .min(Comparator.naturalOrder());
        }

        /** Stops the clients; a request still unacknowledged is abandoned and not expected anywhere. */
        @Override
        public void close() throws InterruptedException {
            running = false;
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(15));
            }
        }

        private static String sign(byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(mac.doFinal(body));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] json(Object value) {
            return JSON.writeValueAsBytes(value);
        }

        private static String readId(String body) {
            return JSON.readTree(body).path("id").asString();
        }
    }

    /** What the database holds, read straight from the writable server. */
    static final class Stored {

        private final int port;

        Stored(int port) {
            this.port = port;
        }

        /** Processed deliveries among the given webhook ids. */
        long processedWebhooks(Iterable<String> webhookIds) throws SQLException {
            var ids = new ArrayList<String>();
            webhookIds.forEach(ids::add);
            try (Connection c = PostgresServers.connect(port);
                    var s = c.prepareStatement("select count(*) from webhook_delivery where webhook_id = any(?)")) {
                s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        /** Shopify order id → number of shop_order rows of the webhook shop. */
        Map<Long, Long> ordersPerShopifyId() throws SQLException {
            var counts = new HashMap<Long, Long>();
            query(
                    "select shopify_order_id, count(*) from shop_order where shop_domain = '" + WEBHOOK_SHOP
                            + "' group by shopify_order_id",
                    rs -> counts.put(rs.getLong(1), rs.getLong(2)));
            return counts;
        }

        /** externalId → the intake orders stored for it (a list, so that a duplicate would show). */
        Map<String, List<StoredOrder>> ordersPerExternalId() throws SQLException {
            var orders = new LinkedHashMap<String, List<StoredOrder>>();
            query(
                    "select external_id, id, status, shopify_order_id from shop_order where shop_domain = '" + PUSH_SHOP
                            + "'",
                    rs -> orders.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new StoredOrder(rs.getString(2), rs.getString(3), (Long) rs.getObject(4))));
            return orders;
        }

        private interface Row {
            void read(java.sql.ResultSet rs) throws SQLException;
        }

        private void query(String sql, Row row) throws SQLException {
            try (Connection c = PostgresServers.connect(port);
                    var s = c.createStatement();
                    var rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    record StoredOrder(String id, String status, Long shopifyOrderId) {}

    /**
     * The end state every scenario must reach: each acknowledged webhook applied once, each accepted order
     * stored once and pushed to Shopify once, nothing in a dead-letter queue.
     */
    static void assertNothingLostNothingDuplicated(Traffic traffic, Stored stored, Sqs sqs, ShopifySimulator shopify)
            throws SQLException {
        Map<String, Long> webhooks = traffic.acknowledgedWebhooks();
        Map<String, String> orders = traffic.acceptedOrders();
        assertThat(stored.processedWebhooks(webhooks.keySet()))
                .as("acknowledged webhooks processed")
                .isEqualTo(webhooks.size());
        Map<Long, Long> perShopifyId = stored.ordersPerShopifyId();
        assertThat(perShopifyId)
                .as("one order per acknowledged Shopify id")
                .containsAllEntriesOf(webhooks.values().stream().collect(Collectors.toMap(id -> id, id -> 1L)));
        assertThat(perShopifyId.values()).as("no Shopify order stored twice").allMatch(n -> n == 1);

        Map<String, List<StoredOrder>> perExternalId = stored.ordersPerExternalId();
        assertThat(perExternalId.keySet()).as("accepted orders stored").containsAll(orders.keySet());
        assertThat(perExternalId.values()).as("no externalId stored twice").allMatch(list -> list.size() == 1);
        orders.forEach((externalId, id) -> assertThat(
                        perExternalId.get(externalId).getFirst().id())
                .as("stored id of %s", externalId)
                .isEqualTo(id));

        Map<String, List<SimulatedOrder>> inShopify = shopify.store().orders(PUSH_SHOP).stream()
                .collect(Collectors.groupingBy(SimulatedOrder::sourceIdentifier));
        assertThat(inShopify.values()).as("no order created twice in Shopify").allMatch(list -> list.size() == 1);
        for (List<StoredOrder> list : perExternalId.values()) {
            StoredOrder order = list.getFirst();
            assertThat(order.status()).as("order %s", order.id()).isEqualTo("PUSHED");
            assertThat(inShopify.get(order.id()))
                    .as("Shopify order of %s", order.id())
                    .isNotNull();
            assertThat(order.shopifyOrderId())
                    .isEqualTo(inShopify.get(order.id()).getFirst().legacyId());
        }
        assertThat(sqs.messages("orderbridge-webhooks-dlq"))
                .as("webhook dead letters")
                .isZero();
        assertThat(sqs.messages("orderbridge-push-dlq")).as("push dead letters").isZero();
    }

    /** Waits (generously) until every acknowledged webhook is processed and every stored order pushed. */
    static void awaitSettled(Traffic traffic, Stored stored, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean webhooksDone =
                    stored.processedWebhooks(traffic.acknowledgedWebhooks().keySet())
                            == traffic.acknowledgedWebhooks().size();
            boolean pushesDone = stored.ordersPerExternalId().values().stream()
                    .flatMap(List::stream)
                    .allMatch(o -> !o.status().equals("PENDING_PUSH"));
            if ((webhooksDone && pushesDone) || System.nanoTime() > deadline) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
