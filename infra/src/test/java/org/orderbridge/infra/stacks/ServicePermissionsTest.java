package org.orderbridge.infra.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest is hand-edited; mistakes that IAM would accept silently must stop synth instead. */
class ServicePermissionsTest {

    private static final List<String> SEND = List.of("sqs:SendMessage");

    private static Map<String, Map<String, List<String>>> withWebhooks(List<String> actions) {
        Map<String, List<String>> queues = new HashMap<>(Map.of(
                "webhooksDeadLetter", SEND, "push", SEND, "pushDeadLetter", SEND));
        queues.put("webhooks", actions);
        return Map.of("sqs", queues);
    }

    private static String rejection(Map<String, Map<String, List<String>>> manifest) {
        return assertThrows(IllegalStateException.class, () -> new ServicePermissions(manifest)).getMessage();
    }

    @Test
    void theCommittedManifestLoads() {
        ServicePermissions permissions = ServicePermissions.load();
        assertTrue(permissions.actions("sqs", "webhooksDeadLetter").contains("sqs:SendMessage"));
        assertEquals(List.of("secretsmanager:GetSecretValue"), permissions.actions("secretsmanager", "database"));
    }

    @Test
    void batchOperationNamesAreRejectedWithTheActionThatAuthorisesThem() {
        assertTrue(rejection(withWebhooks(List.of("sqs:SendMessageBatch"))).contains("authorised by sqs:SendMessage"));
        assertTrue(rejection(withWebhooks(List.of("sqs:DeleteMessageBatch"))).contains("sqs:DeleteMessage"));
    }

    @Test
    void wildcardsAndOtherServicesActionsAreRejected() {
        rejection(withWebhooks(List.of("sqs:*")));
        rejection(withWebhooks(List.of("sqs:Send*")));
        rejection(withWebhooks(List.of("s3:GetObject")));
        rejection(withWebhooks(List.of("sqs:SendMessage", "sqs:SendMessage")));
    }

    @Test
    void unknownResourcesServicesAndMissingQueuesAreRejected() {
        var unknownQueue = new HashMap<>(withWebhooks(SEND));
        var queues = new HashMap<>(unknownQueue.get("sqs"));
        queues.put("orders", SEND);
        unknownQueue.put("sqs", queues);
        assertTrue(rejection(unknownQueue).contains("sqs.orders"));

        var unknownService = new HashMap<>(withWebhooks(SEND));
        unknownService.put("s3", Map.of("payloads", List.of("s3:GetObject")));
        assertTrue(rejection(unknownService).contains("no mapping"));

        var missing = new HashMap<>(withWebhooks(SEND).get("sqs"));
        missing.remove("push");
        assertTrue(rejection(Map.of("sqs", missing)).contains("push"));
    }
}
