package org.orderbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * RDS rotation changes a login's password while the service runs. A running pool keeps its open connections,
 * but every new one would be refused until the service re-reads the secret: this test rotates the password of a
 * real PostgreSQL login under a live Hikari pool.
 */
@Tag("slice")
class RotatingCredentialsTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:orderbridge/test/db";

    private static EmbeddedPostgres postgres;

    /** The embedded server trusts every login; RDS checks passwords, and so must this one. */
    @BeforeAll
    static void startDatabaseThatChecksPasswords() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                var hbaFile = admin.createStatement().executeQuery("show hba_file")) {
            hbaFile.next();
            Files.writeString(Path.of(hbaFile.getString(1)), """
                    local all postgres trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            admin.createStatement().execute("select pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void opensNewConnectionsWithTheRotatedPasswordReadFromTheSecret() throws Exception {
        createLogin("rotating_app", "first-password");
        try (var secrets = new SecretsManagerStandIn(SECRET, "rotating_app", "first-password");
                var pool = pool("rotating_app", "first-password")) {
            DatabaseCredentialsConfiguration.rotate(pool, new DatabaseSecret(client(secrets), SECRET));
            assertThat(select1(pool)).isOne();

            setPassword("rotating_app", "second-password");
            secrets.put("rotating_app", "second-password");
            pool.getHikariPoolMXBean().softEvictConnections();

            assertThat(select1(pool)).isOne();
            assertThat(secrets.calls()).containsExactly("secretsmanager.GetSecretValue " + SECRET);
        }
    }

    @Test
    void withoutTheSecretAPoolCannotOpenConnectionsAfterARotation() throws Exception {
        createLogin("static_app", "first-password");
        try (var pool = pool("static_app", "first-password")) {
            assertThat(select1(pool)).isOne();

            setPassword("static_app", "second-password");
            pool.getHikariPoolMXBean().softEvictConnections();

            assertThatThrownBy(() -> select1(pool)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void taskRoleMayReadTheDatabaseSecret() throws Exception {
        String granted = Files.readString(Path.of("infra/service-permissions.json"));
        assertThat(granted).contains("\"database\"").contains("secretsmanager:GetSecretValue");
    }

    private static HikariDataSource pool(String username, String password) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(2);
        // Connections only on demand: a background fill still logging in with the old password when the test evicts
        // the pool would otherwise add a connection that skips the rotation being tested.
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(2000);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    private static SecretsManagerClient client(SecretsManagerStandIn secrets) {
        return SecretsManagerClient.builder()
                .endpointOverride(secrets.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static int select1(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                var result = connection.createStatement().executeQuery("select 1")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void createLogin(String name, String password) throws SQLException {
        execute("create role " + name + " login password '" + password + "'");
    }

    private static void setPassword(String name, String password) throws SQLException {
        execute("alter role " + name + " password '" + password + "'");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute(sql);
        }
    }
}
