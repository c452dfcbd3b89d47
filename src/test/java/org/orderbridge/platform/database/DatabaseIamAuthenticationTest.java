package org.orderbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The connection properties IAM database authentication gives a pool, before it opens a connection. */
@Tag("unit")
class DatabaseIamAuthenticationTest {

    private static final String HOST = "db.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orderbridge";

    @Test
    void putsAPlainPostgresqlUrlThroughTheWrapperWithTheIamPlugin() {
        try (var pool = pool("jdbc:postgresql://" + HOST + "?targetServerType=primary")) {
            DatabaseIamAuthentication.apply(pool);

            assertThat(pool.getJdbcUrl())
                    .isEqualTo("jdbc:aws-wrapper:postgresql://" + HOST + "?targetServerType=primary");
            assertThat(pool.getDriverClassName()).isEqualTo(DatabaseIamAuthentication.WRAPPER_DRIVER);
            assertThat(pool.getDataSourceProperties()).containsEntry("wrapperPlugins", "iam");
        }
    }

    @Test
    void addsTheIamPluginBesideTheAuroraPluginsOnce() {
        try (var pool = pool("jdbc:aws-wrapper:postgresql://" + HOST)) {
            pool.addDataSourceProperty("wrapperPlugins", "failover2, efm2");

            DatabaseIamAuthentication.apply(pool);
            DatabaseIamAuthentication.apply(pool);

            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:aws-wrapper:postgresql://" + HOST);
            assertThat(pool.getDataSourceProperties()).containsEntry("wrapperPlugins", "failover2,efm2,iam");
        }
    }

    @Test
    void refusesToStartWithAUrlOfAnotherDatabase() {
        try (var pool = pool("jdbc:h2:mem:orderbridge")) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> DatabaseIamAuthentication.apply(pool))
                    .withMessageContaining("orderbridge.database.iam-auth")
                    .withMessageContaining("jdbc:h2:mem:orderbridge");
        }
    }

    private static HikariDataSource pool(String url) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
