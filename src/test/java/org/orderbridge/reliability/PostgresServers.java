package org.orderbridge.reliability;

import static org.awaitility.Awaitility.await;
import static org.orderbridge.reliability.ReliabilityFixtures.WORK;
import static org.orderbridge.reliability.ReliabilityFixtures.freePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL from the machine's installation ({@code PG_BIN}, default the newest /usr/lib/postgresql/N/bin): the
 * embedded test binaries have no pg_basebackup. PostgreSQL refuses to run as root, so as root every server
 * command runs as {@code nobody} through runuser, in a temporary directory owned by nobody.
 */
final class PostgresServers implements AutoCloseable {

    private static final Path BIN = serverBinaries();
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
                    root, root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
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
        Files.writeString(primary.resolve("postgresql.conf"), """

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
        await("the standby becomes a synchronous standby")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(servers::standbyIsSynchronous);
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
        String hosts =
                standby == null ? "127.0.0.1:" + primaryPort : "127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort;
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
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres");
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

    private static Path serverBinaries() {
        var configured = System.getenv("PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .filter(version -> Files.isExecutable(version.resolve("bin/pg_basebackup")))
                    .max(Comparator.comparingInt(
                            version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries: set PG_BIN"));
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL server binaries under /usr/lib/postgresql: set PG_BIN", e);
        }
    }
}
