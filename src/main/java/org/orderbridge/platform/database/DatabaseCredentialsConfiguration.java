package org.orderbridge.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The database connection that verifies the server, the login that survives password rotation, and migrations that
 * create objects as their owner.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseCredentialsConfiguration {

    /**
     * Every pool connects with the configured TLS, and with an IAM token for password when so configured; when a
     * credentials secret is configured, it opens its connections through the secret's login.
     */
    @Bean
    static BeanPostProcessor rotatingDatabaseCredentials(
            ObjectProvider<DatabaseProperties> properties,
            ObjectProvider<AwsCredentialsProvider> credentials,
            ObjectProvider<AwsRegionProvider> region) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getDataSource() == null) {
                    DatabaseTls.apply(pool, properties.getObject().tls());
                    if (properties.getObject().iamAuth()) {
                        DatabaseIamAuthentication.apply(pool);
                    }
                    String secretId = properties.getObject().credentialsSecret();
                    if (secretId != null && !secretId.isBlank()) {
                        var secrets = SecretsManagerClient.builder()
                                .credentialsProvider(credentials.getObject())
                                .region(region.getObject().getRegion());
                        Optional.ofNullable(properties.getObject().secretsManagerEndpoint())
                                .ifPresent(secrets::endpointOverride);
                        rotate(pool, new DatabaseSecret(secrets.build(), secretId));
                    }
                }
                return bean;
            }
        };
    }

    static void rotate(HikariDataSource pool, DatabaseSecret secret) {
        var driver = new DriverDataSource(
                pool.getJdbcUrl(), pool.getDriverClassName(), pool.getDataSourceProperties(), null, null);
        var initial = pool.getUsername() == null || pool.getUsername().isBlank()
                ? secret.get()
                : new RotatingCredentialsDataSource.Login(pool.getUsername(), pool.getPassword());
        pool.setDataSource(new RotatingCredentialsDataSource(driver, initial, secret));
    }

    @Bean
    FlywayConfigurationCustomizer migrationsAsObjectOwner(DatabaseProperties properties) {
        return flyway -> {
            String owner = properties.objectOwner();
            if (owner != null && !owner.isBlank()) {
                flyway.initSql("SET ROLE \"" + owner.replace("\"", "\"\"") + "\"");
            }
        };
    }
}
