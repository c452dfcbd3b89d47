package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

@Tag("unit")
class RequiredEnvironmentTest {

    @Test
    void refusesToStartInProductionNamingEveryMissingVariable() {
        var environment = environment(Map.of("DATABASE_URL", "jdbc:postgresql://db:5432/orderbridge", "API_KEYS", " "));
        environment.setActiveProfiles("aws");

        assertThatThrownBy(() -> new RequiredEnvironment().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(RequiredEnvironment.MissingEnvironmentException.class)
                .hasMessage("Missing required environment variables: DATABASE_USERNAME, DATABASE_PASSWORD, "
                        + "SHOPIFY_WEBHOOK_SECRETS, SHOPIFY_ACCESS_TOKENS, API_KEYS");
    }

    @Test
    void theMigrationTaskNeedsTheDatabaseOnly() {
        var environment = environment(Map.of("orderbridge.database.migrate-only", "true", "DATABASE_URL", "jdbc:x"));
        environment.setActiveProfiles("aws");

        assertThatThrownBy(() -> new RequiredEnvironment().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessage("Missing required environment variables: DATABASE_USERNAME, DATABASE_PASSWORD");
    }

    @Test
    void explainsTheFailureWithTheVariableNames() {
        var analysis = new MissingEnvironmentFailureAnalyzer()
                .analyze(new RequiredEnvironment.MissingEnvironmentException(java.util.List.of("DATABASE_URL")));
        assertThat(analysis.getDescription()).contains("DATABASE_URL");
    }

    @Test
    void leavesOtherEnvironmentsAlone() {
        var environment = environment(Map.of());
        assertThatCode(() -> new RequiredEnvironment().postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        var environment = new StandardEnvironment();
        // Only what the test sets: the machine's own variables must not decide the outcome.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}
