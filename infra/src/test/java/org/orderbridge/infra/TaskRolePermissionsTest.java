package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The task role against {@code infra/service-permissions.json}, which the service build checks against the calls the
 * code makes: together they keep the role at exactly what the code needs. Reads the file itself rather than through
 * the stack's loader, so a loader that drops entries cannot agree with itself.
 */
class TaskRolePermissionsTest {

    private static final Path MANIFEST = Path.of("service-permissions.json");

    private final OrderBridgeApp.Stacks stacks = TestApps.staging();
    private final Template template = TestApps.template(stacks.service());

    @Test
    void taskRoleAllowsExactlyTheManifestsActionsOnExactlyItsResources() throws IOException {
        Map<String, Set<String>> expected = new TreeMap<>();
        manifest().forEach((service, resources) -> resources.forEach((resource, actions) -> {
            if (!actions.isEmpty()) {
                expected.put(service + "." + resource, new TreeSet<>(actions));
            }
        }));

        assertEquals(expected, granted());
    }

    @Test
    void serviceMayDeadLetterAndRedriveBothDeadLetterQueues() {
        Map<String, Set<String>> granted = granted();
        for (String dlq : List.of("sqs.webhooksDeadLetter", "sqs.pushDeadLetter")) {
            // Poison messages are sent to the DLQ by the service itself; the admin redrive reads and deletes there.
            assertTrue(granted.getOrDefault(dlq, Set.of()).containsAll(
                    Set.of("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueUrl")),
                    dlq + ": " + granted.get(dlq));
        }
        for (String queue : List.of("sqs.webhooks", "sqs.push")) {
            // Intake and the outbox relay send here (as SendMessageBatch); the listeners consume, back off, delete.
            assertTrue(granted.getOrDefault(queue, Set.of()).containsAll(Set.of("sqs:SendMessage", "sqs:ReceiveMessage",
                    "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl")),
                    queue + ": " + granted.get(queue));
        }
    }

    @Test
    void traceCollectorMayOnlyWriteTracesToXRay() {
        // PutTraceSegments for the spans, PutTelemetryRecords for the collector's own health; sampling is the
        // service's, so no sampling-rule reads.
        assertEquals(Set.of("xray:PutTelemetryRecords", "xray:PutTraceSegments"), granted().get("xray.traces"));
    }

    @Test
    void taskRoleHasNoInlineOrManagedPoliciesBesideTheGeneratedOne() {
        Map<String, Object> role = template.findResources("AWS::IAM::Role").get(taskRole());
        Map<?, ?> properties = (Map<?, ?>) role.get("Properties");
        assertFalse(properties.containsKey("ManagedPolicyArns"), "managed policy on the task role: " + properties);
        assertFalse(properties.containsKey("Policies"), "inline policy on the task role: " + properties);
        template.resourcePropertiesCountIs("AWS::IAM::ManagedPolicy",
                Map.of("Roles", Match.arrayWith(List.of(Map.of("Ref", taskRole())))), 0);
    }

    /** Actions per manifest resource, from every statement of every policy attached to the task role. */
    private Map<String, Set<String>> granted() {
        Map<String, String> resourceNames = resourceNames();
        Map<String, Set<String>> granted = new TreeMap<>();
        for (Map<?, ?> statement : statements()) {
            assertEquals(Set.of("Effect", "Action", "Resource"), statement.keySet(),
                    "only plain Allow statements are expected: " + statement);
            assertEquals("Allow", statement.get("Effect"));
            for (Object action : list(statement.get("Action"))) {
                assertFalse(action.toString().contains("*"), "wildcard action: " + statement);
            }
            boolean xray = list(statement.get("Action")).stream().allMatch(a -> a.toString().startsWith("xray:"));
            for (Object resource : list(statement.get("Resource"))) {
                // X-Ray's trace calls take no resource; everything else names its own.
                assertFalse(!xray && resource.toString().contains("*"), "wildcard resource: " + statement);
                String name = resourceNames.get(importName(resource));
                assertNotNull(name, "resource outside the manifest's: " + resource);
                list(statement.get("Action")).forEach(a -> granted.computeIfAbsent(name, n -> new TreeSet<>()).add(a.toString()));
            }
        }
        return granted;
    }

    /** The export each manifest resource reaches the service stack through, to its manifest name. */
    private Map<String, String> resourceNames() {
        Template messaging = TestApps.template(stacks.messaging());
        String prefix = stacks.config().prefix();
        Map<String, String> names = new TreeMap<>();
        Map.of("webhooks", prefix + "-webhooks", "webhooksDeadLetter", prefix + "-webhooks-dlq",
                "push", prefix + "-push", "pushDeadLetter", prefix + "-push-dlq").forEach((name, queueName) -> {
            Set<String> ids = messaging.findResources("AWS::SQS::Queue",
                    Map.of("Properties", Map.of("QueueName", queueName))).keySet();
            assertEquals(1, ids.size(), queueName);
            names.put(stacks.messaging().getStackName() + ":ExportsOutputFnGetAtt" + ids.iterator().next() + "Arn",
                    "sqs." + name);
        });
        // "database" is the secret whose credentials the container receives.
        names.put(databaseCredentialsExport(), "secretsmanager.database");
        names.put("*", "xray.traces");
        return names;
    }

    private String databaseCredentialsExport() {
        Capture secrets = new Capture();
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "orderbridge", "Secrets", secrets))))));
        Map<?, ?> password = secrets.asArray().stream().map(s -> (Map<?, ?>) s)
                .filter(s -> "DATABASE_PASSWORD".equals(s.get("Name"))).findFirst().orElseThrow();
        List<String> imports = new ArrayList<>();
        collectImports(password.get("ValueFrom"), imports);
        assertEquals(1, imports.size(), "DATABASE_PASSWORD: " + password);
        return importName(Map.of("Fn::ImportValue", imports.get(0)));
    }

    /** Resources from other stacks arrive as one Fn::ImportValue each; anything else is matched by its text. */
    private static String importName(Object resource) {
        if (resource instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::ImportValue") instanceof String name) {
            // Drop the export's hash suffix, which is not part of the logical id.
            return name.replaceFirst("[A-F0-9]{8}$", "");
        }
        return resource.toString();
    }

    private static void collectImports(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Fn::ImportValue") instanceof String name) {
                into.add(name);
            }
            map.values().forEach(v -> collectImports(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectImports(v, into));
        }
    }

    private String taskRole() {
        Capture role = new Capture();
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("TaskRoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn"))));
        return role.asString();
    }

    private List<Map<?, ?>> statements() {
        return template.findResources("AWS::IAM::Policy", Map.of("Properties", Map.of(
                        "Roles", Match.arrayWith(List.of(Map.of("Ref", taskRole())))))).values().stream()
                .flatMap(p -> list(((Map<?, ?>) ((Map<?, ?>) p.get("Properties")).get("PolicyDocument")).get("Statement")).stream())
                .<Map<?, ?>>map(s -> (Map<?, ?>) s)
                .toList();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    private static Map<String, Map<String, List<String>>> manifest() throws IOException {
        return new ObjectMapper().readValue(MANIFEST.toFile(), new TypeReference<>() {});
    }
}
