package org.orderbridge.platform.database;

import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.modulith.NamedInterface;

/**
 * The jar's migrate-only mode, which the deploy runs as a one-off task before the service's instances are replaced:
 * {@code java -jar app.jar --orderbridge.database.migrate-only=true} applies the pending migrations with the
 * service's own database configuration (TLS, rotating login, object owner) and exits 0, or non-zero when they fail.
 * Its context holds the data source and Flyway only: no web server, no queue listeners, no Hibernate.
 */
@NamedInterface("schema-migration") // for the entry point, which chooses this mode before any context exists
public final class SchemaMigration {

    public static final String MIGRATE_ONLY = "orderbridge.database.migrate-only";

    private SchemaMigration() {}

    /** Whether the arguments or the environment ({@code ORDERBRIDGE_DATABASE_MIGRATEONLY}) ask for this mode. */
    public static boolean requested(String... args) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return Binder.get(environment).bind(MIGRATE_ONLY, Boolean.class).orElse(false);
    }

    /** Migrates and returns the process's exit status; Spring Boot has logged the failure when it is not 0. */
    public static int run(String... args) {
        var application = new SpringApplication(Context.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        try (var context = application.run(args)) {
            return 0;
        } catch (RuntimeException failed) {
            return 1;
        }
    }

    /** Not a component, so that the service's own component scan never picks it up. */
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        RegionProviderAutoConfiguration.class,
        CredentialsProviderAutoConfiguration.class
    })
    @Import(DatabaseCredentialsConfiguration.class)
    static class Context {}
}
