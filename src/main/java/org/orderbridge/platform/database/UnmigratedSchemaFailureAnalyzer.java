package org.orderbridge.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One clear sentence instead of the bean-creation chain that leads to the check. */
class UnmigratedSchemaFailureAnalyzer extends AbstractFailureAnalyzer<SchemaVersionCheck.UnmigratedSchemaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaVersionCheck.UnmigratedSchemaException cause) {
        return new FailureAnalysis(
                "OrderBridge refuses to start: " + cause.getMessage()
                        + ". This instance does not migrate on start (orderbridge.database.migrate-on-start=false).",
                "Run the migration task first: the same image with the command "
                        + "`java -jar app.jar --" + SchemaMigration.MIGRATE_ONLY + "=true` (the deploy does this; "
                        + "infra/README.md, \"Schema migrations\"), or fix the failed migration.",
                cause);
    }
}
