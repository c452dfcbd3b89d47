package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.sql.Driver;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import software.amazon.jdbc.plugin.failover.FailoverSuccessSQLException;

/**
 * The aurora profile binds to a driver and a pool that work together, without an Aurora cluster: the
 * wrapper's driver takes the aws-wrapper URL, and the pool keeps a connection the wrapper has failed over.
 */
@Tag("unit")
class AuroraProfileTest {

    private static final String AURORA_URL =
            "jdbc:aws-wrapper:postgresql://orderbridge.cluster-abc123.eu-central-1.rds.amazonaws.com:5432/orderbridge";

    @Test
    void auroraProfileUsesTheWrapperDriverWithFailoverAndFailureMonitoring() throws Exception {
        Binder binder = Binder.get(environmentWithAuroraProfile());
        DataSourceProperties dataSource =
                binder.bind("spring.datasource", DataSourceProperties.class).get();
        HikariConfig hikari = binder.bind("spring.datasource.hikari", Bindable.ofInstance(new HikariConfig()))
                .get();

        Driver driver = (Driver) Class.forName(dataSource.getDriverClassName())
                .getDeclaredConstructor()
                .newInstance();
        assertThat(driver.acceptsURL(dataSource.getUrl()))
                .as("driver takes " + dataSource.getUrl())
                .isTrue();
        assertThat(hikari.getDataSourceProperties())
                .containsEntry("wrapperPlugins", "failover2,efm2")
                .containsEntry("targetServerType", "primary");
    }

    @Test
    void poolKeepsAConnectionTheWrapperHasFailedOverToTheNewWriter() throws Exception {
        HikariConfig hikari = Binder.get(environmentWithAuroraProfile())
                .bind("spring.datasource.hikari", Bindable.ofInstance(new HikariConfig()))
                .get();

        var override = (SQLExceptionOverride) Class.forName(hikari.getExceptionOverrideClassName())
                .getDeclaredConstructor()
                .newInstance();
        assertThat(override.adjudicate(new FailoverSuccessSQLException()))
                .isEqualTo(SQLExceptionOverride.Override.DO_NOT_EVICT);
    }

    private static StandardEnvironment environmentWithAuroraProfile() throws IOException {
        var environment = new StandardEnvironment();
        var loader = new YamlPropertySourceLoader();
        var sources = environment.getPropertySources();
        sources.addFirst(loader.load("application", new ClassPathResource("application.yml"))
                .getFirst());
        sources.addFirst(loader.load("application-aurora", new ClassPathResource("application-aurora.yml"))
                .getFirst());
        sources.addFirst(new MapPropertySource("ecs-task", Map.of("DATABASE_URL", AURORA_URL)));
        return environment;
    }
}
