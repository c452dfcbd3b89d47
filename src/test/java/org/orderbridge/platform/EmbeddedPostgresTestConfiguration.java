package org.orderbridge.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL for JPA slice tests (with {@code @AutoConfigureTestDatabase(replace = NONE)}): the same
 * embedded binaries as {@link DevServers}, without the SQS server, the simulator and the fault proxies that
 * the whole application needs. The slice's own Flyway run creates the schema on it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresTestConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    @Bean
    DynamicPropertyRegistrar embeddedPostgresProperties(EmbeddedPostgres postgres) {
        return registry -> {
            registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        };
    }
}
