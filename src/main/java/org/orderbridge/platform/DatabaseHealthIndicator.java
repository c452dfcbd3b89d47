package org.orderbridge.platform;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Up only when this instance can write: after a failover the old primary may still answer, read-only, and
 * an instance stuck on it cannot do its job.
 */
@Component("db")
class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSource dataSource;
    private final HealthProperties properties;

    DatabaseHealthIndicator(DataSource dataSource, HealthProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public Health health() {
        return TimeLimitedHealthCheck.run(properties.timeout(), () -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) Math.max(1, properties.timeout().toSeconds()));
                try (var rs = statement.executeQuery("select pg_is_in_recovery()")) {
                    rs.next();
                    return rs.getBoolean(1)
                            ? Health.down()
                                    .withDetail("error", "connected to a read-only standby")
                                    .build()
                            : Health.up().build();
                }
            }
        });
    }
}
