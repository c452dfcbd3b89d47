package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so the service's environment in it is checked
 * against the rules the service applies at startup, which would otherwise only fail inside the container.
 */
@Tag("unit")
class ComposeEnvironmentTest {

    private final Map<String, String> service = environment("orderbridge");
    private final Map<String, String> simulator = environment("shopify-simulator");

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
    void apiKeysAreValid() {
        assertThat(new ApiKeyProperties(service.get("API_KEYS"), false, null, null).keys())
                .extracting(ApiKeyProperties.ApiKey::role)
                .contains(ApiKeyProperties.Role.ADMIN, ApiKeyProperties.Role.READ);
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

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String serviceName) {
        try (InputStream in = Files.newInputStream(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            var services = (Map<String, Map<String, Object>>) compose.get("services");
            var environment = (Map<String, Object>) services.get(serviceName).get("environment");
            var values = new HashMap<String, String>();
            environment.forEach((key, value) -> values.put(key, String.valueOf(value)));
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
