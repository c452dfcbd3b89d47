package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The service's environment in docker-compose.yml passes the production startup check and agrees with the Shopify
 * simulator's (see {@link ComposeFile}).
 */
@Tag("unit")
class ComposeEnvironmentTest {

    private final Map<String, String> service = ComposeFile.environment("orderbridge");
    private final Map<String, String> simulator = ComposeFile.environment("shopify-simulator");

    @Test
    void serviceEnvironmentPassesTheProductionStartupCheck() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("compose", new HashMap<>(service)));
        environment.setActiveProfiles(service.get("SPRING_PROFILES_ACTIVE").split(","));

        assertThat(environment.getActiveProfiles()).contains("aws");
        assertThatCode(() -> new RequiredEnvironment().postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void theMigrationRunsWithTheServicesDatabaseSettingsAndPassesTheProductionStartupCheck() {
        Map<String, String> migrate = ComposeFile.environment("migrate");
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        var values = new HashMap<String, Object>(migrate);
        values.put("orderbridge.database.migrate-only", "true");
        environment.getPropertySources().addFirst(new MapPropertySource("compose", values));
        environment.setActiveProfiles(migrate.get("SPRING_PROFILES_ACTIVE").split(","));

        assertThatCode(() -> new RequiredEnvironment().postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
        migrate.forEach((name, value) -> assertThat(service).containsEntry(name, value));
    }

    @Test
    void serviceAndSimulatorAgreeOnShopTokenAndWebhookSecret() {
        assertThat(service.get("SHOPIFY_ADMIN_URL"))
                .startsWith("http://shopify-simulator:8089/")
                .contains("{shop}");
        assertThat(simulator.get("SIMULATOR_ACCESS_TOKENS")).isEqualTo(service.get("SHOPIFY_ACCESS_TOKENS"));
        assertThat(service.get("SHOPIFY_ALLOWED_SHOPS"))
                .isEqualTo(service.get("SHOPIFY_ACCESS_TOKENS").split("=")[0]);
        assertThat(Arrays.asList(service.get("SHOPIFY_WEBHOOK_SECRETS").split(",")))
                .contains(simulator.get("SIMULATOR_WEBHOOK_SECRET"));
        assertThat(simulator.get("SIMULATOR_WEBHOOK_URL")).isEqualTo("http://orderbridge:8080/webhooks/shopify");
    }
}
