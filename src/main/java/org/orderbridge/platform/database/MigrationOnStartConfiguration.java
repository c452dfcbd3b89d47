package org.orderbridge.platform.database;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the service's own start does with the schema: migrate it, or only make sure that the deploy's migration task
 * did. The migrate-only mode ({@link SchemaMigration}) leaves this out and migrates.
 */
@Configuration(proxyBeanMethods = false)
class MigrationOnStartConfiguration {

    @Bean
    FlywayMigrationStrategy migrationOnStart(DatabaseProperties properties) {
        return properties.migrateOnStart() ? Flyway::migrate : SchemaVersionCheck::requireMigrated;
    }
}
