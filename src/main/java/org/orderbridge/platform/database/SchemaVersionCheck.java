package org.orderbridge.platform.database;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * An instance that does not migrate must not run against a schema its code does not match: Hibernate's validation
 * would fail later with a missing column, or, worse, pass and the first request would. Reading Flyway's history
 * table is cheap against taking its lock and migrating (docs/benchmarks.md, "Start-up without migrating").
 */
final class SchemaVersionCheck {

    private SchemaVersionCheck() {}

    static void requireMigrated(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        List<String> failed = versions(all, MigrationState::isFailed);
        // Ignored: older than the schema's version and never applied, which migrate would refuse as well.
        List<String> pending =
                versions(all, state -> state == MigrationState.PENDING || state == MigrationState.IGNORED);
        if (!failed.isEmpty() || !pending.isEmpty()) {
            throw new UnmigratedSchemaException(pending, failed);
        }
    }

    private static List<String> versions(MigrationInfo[] all, Predicate<MigrationState> state) {
        return Arrays.stream(all)
                .filter(migration -> state.test(migration.getState()))
                .map(migration -> migration.getVersion() == null
                        ? migration.getDescription()
                        : migration.getVersion().getVersion())
                .toList();
    }

    static final class UnmigratedSchemaException extends IllegalStateException {

        UnmigratedSchemaException(List<String> pending, List<String> failed) {
            super("The database schema is not migrated"
                    + (pending.isEmpty() ? "" : "; pending migrations: " + String.join(", ", pending))
                    + (failed.isEmpty() ? "" : "; failed migrations: " + String.join(", ", failed)));
        }
    }
}
