package org.orderbridge.platform;

import java.util.List;
import org.orderbridge.platform.database.SchemaMigration;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In production (profile {@code aws}) the service refuses to start when the environment lacks what it needs,
 * and names each missing variable, instead of failing later with a driver or binding error. The migrate-only mode
 * needs the database's only: its task gets no Shopify or API secrets.
 */
class RequiredEnvironment implements EnvironmentPostProcessor {

    static final List<String> REQUIRED_TO_MIGRATE = List.of("DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD");

    static final List<String> REQUIRED = List.of(
            "DATABASE_URL",
            "DATABASE_USERNAME",
            "DATABASE_PASSWORD",
            "SHOPIFY_WEBHOOK_SECRETS",
            "SHOPIFY_ACCESS_TOKENS",
            "API_KEYS");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("aws"))) {
            return;
        }
        boolean migrateOnly = Boolean.parseBoolean(environment.getProperty(SchemaMigration.MIGRATE_ONLY));
        List<String> missing = (migrateOnly ? REQUIRED_TO_MIGRATE : REQUIRED)
                .stream()
                        .filter(name -> {
                            String value = environment.getProperty(name);
                            return value == null || value.isBlank();
                        })
                        .toList();
        if (!missing.isEmpty()) {
            throw new MissingEnvironmentException(missing);
        }
    }

    static class MissingEnvironmentException extends IllegalStateException {

        private final List<String> missing;

        MissingEnvironmentException(List<String> missing) {
            super("Missing required environment variables: " + String.join(", ", missing));
            this.missing = missing;
        }

        List<String> missing() {
            return missing;
        }
    }
}
