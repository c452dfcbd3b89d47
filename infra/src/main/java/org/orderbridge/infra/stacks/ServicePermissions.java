package org.orderbridge.infra.stacks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS actions the service's own code performs, per resource, as listed in {@code infra/service-permissions.json}.
 * The service build checks that file against the calls the code really makes, so the task role is derived from it
 * rather than from CDK's grant helpers, which each add actions the service never uses.
 */
record ServicePermissions(Map<String, Map<String, List<String>>> byService) {

    static final String RESOURCE = "/service-permissions.json";

    /** Resources the infra knows how to name, per service; anything else in the file fails synth. */
    static final Map<String, Set<String>> KNOWN_RESOURCES = Map.of(
            "sqs", Set.of("webhooks", "webhooksDeadLetter", "push", "pushDeadLetter"),
            "secretsmanager", Set.of("database"),
            // The trace collector beside the service (TraceCollector) sends the service's spans.
            "xray", Set.of("traces"));

    private static final Pattern ACTION = Pattern.compile("([a-z0-9-]+):([A-Z][A-Za-z]+)");
    // IAM has no separate batch actions: SendMessageBatch is authorised as sqs:SendMessage, and so on. A batch name
    // in a policy matches nothing, so it would silently deny.
    private static final Pattern BATCH = Pattern.compile("sqs:(SendMessage|DeleteMessage|ChangeMessageVisibility)Batch");

    ServicePermissions {
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        byService.forEach((service, resources) -> {
            Map<String, List<String>> actions = new LinkedHashMap<>();
            resources.forEach((resource, names) -> actions.put(resource, List.copyOf(names)));
            copy.put(service, Map.copyOf(actions));
        });
        byService = Map.copyOf(copy);
        validate(byService);
    }

    static ServicePermissions load() {
        try (InputStream in = ServicePermissions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (see infra/pom.xml resources)");
            }
            return new ServicePermissions(new ObjectMapper().readValue(in, new TypeReference<>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** @return the actions on one resource, empty when the service does not touch it */
    List<String> actions(String service, String resource) {
        if (!KNOWN_RESOURCES.getOrDefault(service, Set.of()).contains(resource)) {
            throw new IllegalArgumentException("unknown resource " + service + "." + resource);
        }
        return byService.getOrDefault(service, Map.of()).getOrDefault(resource, List.of());
    }

    private static void validate(Map<String, Map<String, List<String>>> byService) {
        byService.forEach((service, resources) -> {
            Set<String> known = KNOWN_RESOURCES.get(service);
            if (known == null) {
                throw invalid(service, "the task role has no mapping for this service; add one to "
                        + "ServicePermissions.KNOWN_RESOURCES and TaskRolePolicy");
            }
            resources.forEach((resource, actions) -> {
                String where = service + "." + resource;
                if (!known.contains(resource)) {
                    throw invalid(where, "unknown resource, expected one of " + known);
                }
                Set<String> seen = new HashSet<>();
                for (String action : actions) {
                    var parts = ACTION.matcher(action);
                    if (!parts.matches() || !parts.group(1).equals(service)) {
                        throw invalid(where, "'" + action + "' is not a " + service + ":<Action> name without wildcards");
                    }
                    if (BATCH.matcher(action).matches()) {
                        throw invalid(where, "'" + action + "' is not an IAM action; batch calls are authorised by "
                                + action.substring(0, action.length() - "Batch".length()));
                    }
                    if (!seen.add(action)) {
                        throw invalid(where, "'" + action + "' is listed twice");
                    }
                }
            });
        });
        Set<String> missingQueues = new HashSet<>(KNOWN_RESOURCES.get("sqs"));
        missingQueues.removeAll(byService.getOrDefault("sqs", Map.of()).keySet());
        if (!missingQueues.isEmpty()) {
            // Every queue is in use; a missing entry is a truncated file rather than a queue the service dropped.
            throw invalid("sqs", "no entry for " + missingQueues);
        }
    }

    private static IllegalStateException invalid(String where, String problem) {
        return new IllegalStateException(RESOURCE + ": " + where + ": " + problem);
    }
}
