package org.orderbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Production migrates in a one-off task before the deploy, and its instances refuse a schema the task has not
 * brought up to date. Each case gets its own empty database on one embedded server; the instance's start is the
 * part of the context that runs Flyway, without the rest of the service.
 */
@Tag("slice")
class SchemaMigrationTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void theMigrateOnlyModeAppliesEveryMigrationAndExitsZero() throws SQLException {
        String url = emptyDatabase();

        assertThat(SchemaMigration.run(datasource(url))).isZero();

        assertThat(flyway(url).info().pending()).isEmpty();
        assertThat(flyway(url).info().current()).isNotNull();
    }

    @Test
    void theMigrateOnlyModeExitsNonZeroWhenItCannotMigrate() {
        assertThat(SchemaMigration.run(datasource("jdbc:postgresql://127.0.0.1:1/absent")))
                .isNotZero();
    }

    @Test
    void isAskedForByTheArgumentOnly() {
        assertThat(SchemaMigration.requested("--orderbridge.database.migrate-only=true"))
                .isTrue();
        assertThat(SchemaMigration.requested("--server.port=0")).isFalse();
    }

    @Test
    void anInstanceThatDoesNotMigrateRefusesAnUnmigratedSchemaNamingThePendingVersions() throws SQLException {
        String url = emptyDatabase();
        String latest = flyway(url)
                .info()
                .pending()[flyway(url).info().pending().length - 1]
                .getVersion()
                .getVersion();

        instance(url, false).run(context -> {
            assertThat(context).hasFailed();
            var analysis = new UnmigratedSchemaFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .startsWith(
                            "OrderBridge refuses to start: The database schema is not migrated; pending migrations: 1, ")
                    .contains(", " + latest + ".");
            assertThat(analysis.getAction()).contains("--orderbridge.database.migrate-only=true");
        });
        assertThat(flyway(url).info().applied()).isEmpty();
    }

    @Test
    void anInstanceThatDoesNotMigrateStartsOnAMigratedSchema() throws SQLException {
        String url = emptyDatabase();
        assertThat(SchemaMigration.run(datasource(url))).isZero();

        instance(url, false).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aLocalInstanceMigratesAsItStarts() throws SQLException {
        String url = emptyDatabase();

        instance(url, true).run(context -> assertThat(context).hasNotFailed());

        assertThat(flyway(url).info().pending()).isEmpty();
    }

    private static ApplicationContextRunner instance(String url, boolean migrateOnStart) {
        return new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withUserConfiguration(MigrationOnStartConfiguration.class, Properties.class)
                .withPropertyValues(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=postgres",
                        "orderbridge.database.migrate-on-start=" + migrateOnStart);
    }

    @EnableConfigurationProperties(DatabaseProperties.class)
    static class Properties {}

    private static String[] datasource(String url) {
        return new String[] {
            "--orderbridge.database.migrate-only=true",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres"
        };
    }

    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, "postgres", "postgres").load();
    }

    private static String emptyDatabase() throws SQLException {
        String name = "schema_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("create database " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }
}
