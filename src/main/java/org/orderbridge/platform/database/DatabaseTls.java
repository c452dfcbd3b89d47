package org.orderbridge.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives the pool's driver the configured {@code sslmode} and root certificate. Both pgjdbc and the AWS JDBC
 * wrapper pass these data-source properties on to the PostgreSQL connection; parameters in the URL still win.
 */
final class DatabaseTls {

    private DatabaseTls() {}

    static void apply(HikariDataSource pool, DatabaseProperties.Tls tls) {
        pool.addDataSourceProperty("sslmode", tls.mode().sslmode());
        Path root = tls.rootCertificate();
        if (tls.mode() != DatabaseTlsMode.DISABLE && root != null) {
            // Refuse to start rather than let every connection fail later with a less obvious error.
            if (!Files.isReadable(root)) {
                throw new IllegalStateException("Database root certificate " + root + " is not readable");
            }
            pool.addDataSourceProperty("sslrootcert", root.toString());
        }
    }
}
