package org.orderbridge.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so tests check the environment it gives its services
 * against the rules the service applies at startup, which would otherwise only fail inside the container.
 */
public final class ComposeFile {

    private ComposeFile() {}

    @SuppressWarnings("unchecked")
    public static Map<String, String> environment(String serviceName) {
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
