package org.orderbridge.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Logs in with IAM database authentication: the AWS JDBC wrapper's {@code iam} plugin replaces the password with a
 * short-lived token signed with the task role's credentials (the database accepts it for a login granted
 * {@code rds_iam}, when the role may {@code rds-db:connect} as it). The login's name still comes from the rotating
 * secret, so either login of the alternating rotation works; the secret's password is no longer sent.
 */
final class DatabaseIamAuthentication {

    static final String WRAPPER_DRIVER = "software.amazon.jdbc.Driver";
    private static final String WRAPPER_URL = "jdbc:aws-wrapper:";
    private static final String POSTGRESQL_URL = "jdbc:postgresql:";

    private DatabaseIamAuthentication() {}

    /** Puts the pool's connections through the wrapper, with the {@code iam} plugin beside any configured one. */
    static void apply(HikariDataSource pool) {
        String url = pool.getJdbcUrl();
        if (url != null && url.startsWith(POSTGRESQL_URL)) {
            pool.setJdbcUrl(WRAPPER_URL + url.substring("jdbc:".length()));
        } else if (url == null || !url.startsWith(WRAPPER_URL)) {
            throw new IllegalStateException("orderbridge.database.iam-auth needs a PostgreSQL URL"
                    + " (jdbc:postgresql:// or jdbc:aws-wrapper:postgresql://), not " + url);
        }
        pool.setDriverClassName(WRAPPER_DRIVER);
        String plugins = pool.getDataSourceProperties().getProperty("wrapperPlugins", "");
        pool.addDataSourceProperty(
                "wrapperPlugins",
                Stream.concat(Arrays.stream(plugins.split(",")).map(String::strip), Stream.of("iam"))
                        .filter(plugin -> !plugin.isEmpty())
                        .distinct()
                        .collect(Collectors.joining(",")));
    }
}
