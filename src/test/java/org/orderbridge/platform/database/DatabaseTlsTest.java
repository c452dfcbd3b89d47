package org.orderbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL server with a certificate for {@code localhost} from a test authority. With {@code verify-full} the
 * service connects only when the certificate chains to the configured root and names the host it dialled; the
 * driver's default connects to any server that offers TLS, which is what an impostor on the path would do.
 */
@Tag("slice")
class DatabaseTlsTest {

    @TempDir
    static Path certificates;

    private static EmbeddedPostgres postgres;
    private static Path trustedRoot;
    private static Path otherRoot;

    @BeforeAll
    static void startDatabaseWithTls() throws Exception {
        trustedRoot = authority("trusted");
        otherRoot = authority("other");
        Path key = certificates.resolve("server.key");
        Path certificate = certificates.resolve("server.crt");
        Files.writeString(certificates.resolve("server.ext"), "subjectAltName=DNS:localhost\n");
        openssl(
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost");
        openssl(
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                trustedRoot.toString(),
                "-CAkey",
                "trusted.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                "server.ext",
                "-out",
                certificate.toString());
        // PostgreSQL refuses a private key that others may read.
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificate.toString())
                .setServerConfig("ssl_key_file", key.toString())
                .start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void connectsWhenTheCertificateChainsToTheRootAndNamesTheHost() throws Exception {
        try (var pool = pool("localhost", new DatabaseProperties.Tls(DatabaseTlsMode.VERIFY_FULL, trustedRoot))) {
            assertThat(sslInUse(pool)).isTrue();
        }
    }

    @Test
    void refusesAServerWhoseCertificateComesFromAnotherAuthority() {
        try (var pool = pool("localhost", new DatabaseProperties.Tls(DatabaseTlsMode.VERIFY_FULL, otherRoot))) {
            assertThatThrownBy(() -> sslInUse(pool))
                    .isInstanceOf(SQLException.class)
                    .hasStackTraceContaining("PKIX path building failed");
        }
    }

    @Test
    void refusesAServerWhoseCertificateNamesAnotherHost() {
        try (var pool = pool("127.0.0.1", new DatabaseProperties.Tls(DatabaseTlsMode.VERIFY_FULL, trustedRoot))) {
            assertThatThrownBy(() -> sslInUse(pool))
                    .isInstanceOf(SQLException.class)
                    .hasStackTraceContaining("hostname 127.0.0.1 could not be verified");
        }
    }

    /** What the service did before it configured a mode: any server offering TLS is taken at its word. */
    @Test
    void theDriversDefaultConnectsToAServerItCannotVerify() throws Exception {
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
            pool.setUsername("postgres");
            assertThat(sslInUse(pool)).isTrue();
        }
    }

    @Test
    void disabledTlsConnectsInPlainText() throws Exception {
        try (var pool = pool("localhost", new DatabaseProperties.Tls(DatabaseTlsMode.DISABLE, null))) {
            assertThat(sslInUse(pool)).isFalse();
        }
    }

    @Test
    void verifyingWithoutARootCertificateIsAConfigurationError() {
        assertThatThrownBy(() -> new DatabaseProperties.Tls(DatabaseTlsMode.VERIFY_FULL, null))
                .hasMessageContaining("root-certificate is required");
    }

    @Test
    void anUnreadableRootCertificateStopsTheStart() {
        var missing = new DatabaseProperties.Tls(DatabaseTlsMode.VERIFY_FULL, certificates.resolve("absent.pem"));
        try (var pool = new HikariDataSource()) {
            assertThatThrownBy(() -> DatabaseTls.apply(pool, missing)).hasMessageContaining("absent.pem");
        }
    }

    private static HikariDataSource pool(String host, DatabaseProperties.Tls tls) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://" + host + ":" + postgres.getPort() + "/postgres");
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(2000);
        pool.setInitializationFailTimeout(-1);
        DatabaseTls.apply(pool, tls);
        return pool;
    }

    private static boolean sslInUse(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                var result = connection
                        .createStatement()
                        .executeQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private static Path authority(String name) throws Exception {
        Path certificate = certificates.resolve(name + ".crt");
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                certificate.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=OrderBridge test " + name + " CA");
        return certificate;
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(certificates.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
