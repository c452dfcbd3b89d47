package org.orderbridge.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.elasticmq.RelaxedSQSLimits$;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL and SQS servers behind the dev services: in this JVM by default (no Docker needed), or as
 * Testcontainers (PostgreSQL, LocalStack) with {@code ./mvnw verify -Pcontainers} (which sets
 * {@code orderbridge.dev-services=containers}), which is how CI also runs the suite where Docker exists.
 */
public record DevServers(int databasePort, String database, int sqsPort, AutoCloseable stop) implements AutoCloseable {

    static DevServers start(String kind) throws IOException {
        return "containers".equals(kind) ? containers() : embedded();
    }

    private static DevServers embedded() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .start();
        // Strict limits check every character of every message body through Scala collections, which cost
        // more CPU than the whole acknowledgement path; the service enforces SQS's character rules itself.
        SQSRestServer sqs = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .withAWSRegion(EmbeddedServices.REGION)
                .withSQSLimits(RelaxedSQSLimits$.MODULE$)
                .start();
        int sqsPort = sqs.waitUntilStarted().localAddress().getPort();
        return new DevServers(postgres.getPort(), "postgres", sqsPort, () -> {
            sqs.stopAndWait();
            postgres.close();
        });
    }

    /** Lists each started container where the build asks for it, so that CI can prove containers ran. */
    private static void record(String container) {
        String file = System.getProperty("orderbridge.dev-services.record");
        if (file == null) {
            return;
        }
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.getParent());
            Files.writeString(
                    path, container + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("resource") // stopped by the returned record
    private static DevServers containers() {
        var postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"))
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres")
                .withCommand("postgres", "-c", "max_connections=200");
        var localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4"))
                .withServices("sqs")
                .withEnv("SQS_ENDPOINT_STRATEGY", "path");
        postgres.start();
        localstack.start();
        record(postgres.getDockerImageName() + " " + postgres.getContainerId());
        record(localstack.getDockerImageName() + " " + localstack.getContainerId());
        return new DevServers(postgres.getMappedPort(5432), "postgres", localstack.getMappedPort(4566), () -> {
            localstack.stop();
            postgres.stop();
        });
    }

    /** A connection of its own, past the application's pool and the fault proxy: for tests that hold locks. */
    public Connection openDirectConnection() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + databasePort + "/" + database, "postgres", "postgres");
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
