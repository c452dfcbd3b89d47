package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The deploy migrates the schema in a one-off task of the same image before the service's tasks are replaced. */
class SchemaMigrationTaskTest {

    private final Template template = TestApps.template(TestApps.staging().service());

    @Test
    void theMigrationTaskRunsTheSameImageInItsMigrateOnlyMode() {
        Map<?, ?> migrate = container("migrate");
        Map<?, ?> service = container("orderbridge");

        assertEquals(List.of("--orderbridge.database.migrate-only=true"), migrate.get("Command"));
        assertEquals(service.get("Image"), migrate.get("Image"));
        assertTrue(migrate.get("Image").toString().contains(TestApps.IMAGE_TAG), "image: " + migrate.get("Image"));
    }

    @Test
    void theMigrationTaskGetsTheDatabaseLoginFromSecretsManagerAndNothingElseSecret() {
        Map<?, ?> migrate = container("migrate");
        Map<String, Object> secrets = named(migrate.get("Secrets"), "ValueFrom");
        Map<String, Object> serviceSecrets = named(container("orderbridge").get("Secrets"), "ValueFrom");

        assertEquals(List.of("DATABASE_USERNAME", "DATABASE_PASSWORD"), List.copyOf(secrets.keySet()));
        assertEquals(serviceSecrets.get("DATABASE_USERNAME"), secrets.get("DATABASE_USERNAME"));
        assertEquals(serviceSecrets.get("DATABASE_PASSWORD"), secrets.get("DATABASE_PASSWORD"));
        Map<String, Object> plain = named(migrate.get("Environment"), "Value");
        for (String name : plain.keySet()) {
            assertFalse(name.matches(".*(PASSWORD|SECRET|TOKEN|KEY).*"), name + " looks like a secret");
        }
        assertEquals("aws", plain.get("SPRING_PROFILES_ACTIVE"));
        assertEquals("verify-full", plain.get("DATABASE_SSL_MODE"));
        assertEquals("orderbridge_app", plain.get("DATABASE_OBJECT_OWNER"));
    }

    @Test
    void theServiceDoesNotMigrateOnStart() {
        assertEquals("false", named(container("orderbridge").get("Environment"), "Value").get("DATABASE_MIGRATE_ON_START"));
    }

    @Test
    void everyDeployOfAnImageRunsTheMigrationBeforeTheServiceIsUpdated() {
        Map<String, Map<String, Object>> runs = template.findResources("Custom::SchemaMigration");
        assertEquals(1, runs.size());
        String run = runs.keySet().iterator().next();
        Map<?, ?> properties = (Map<?, ?>) runs.get(run).get("Properties");
        assertEquals(TestApps.IMAGE_TAG, properties.get("ImageTag"));
        assertEquals(Map.of("Ref", taskDefinitionOf("migrate")), properties.get("TaskDefinition"));

        Map<String, Object> service = template.findResources("AWS::ECS::Service").values().iterator().next();
        assertTrue(((List<?>) service.get("DependsOn")).contains(run), "service does not wait for " + run);
    }

    @Test
    void theDeployMayStartOnlyTheMigrationTask() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "ecs:RunTask",
                        "Resource", Map.of("Ref", taskDefinitionOf("migrate")))))))));
    }

    private Map<?, ?> container(String name) {
        return (Map<?, ?>) containers().get(name).get("container");
    }

    private String taskDefinitionOf(String container) {
        return (String) containers().get(container).get("taskDefinition");
    }

    /** Each container by name, with the logical id of its task definition. */
    private Map<String, Map<String, Object>> containers() {
        return template.findResources("AWS::ECS::TaskDefinition").entrySet().stream()
                .flatMap(definition -> ((List<?>) ((Map<?, ?>) definition.getValue().get("Properties"))
                                .get("ContainerDefinitions"))
                        .stream()
                        .map(c -> (Map<?, ?>) c)
                        .map(c -> Map.<String, Object>of("taskDefinition", definition.getKey(), "container", c)))
                .collect(Collectors.toMap(c -> (String) ((Map<?, ?>) c.get("container")).get("Name"), c -> c));
    }

    private static Map<String, Object> named(Object entries, String value) {
        return ((List<?>) entries).stream().map(e -> (Map<?, ?>) e).collect(Collectors.toMap(
                e -> (String) e.get("Name"), e -> e.get(value), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
