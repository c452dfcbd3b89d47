package org.orderbridge.infra.stacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The task role's permissions: one statement per resource, with exactly the actions {@link ServicePermissions}
 * lists for it. A resource the service does not touch gets no statement at all.
 */
final class TaskRolePolicy {

    private TaskRolePolicy() {}

    static void apply(IRole taskRole, ServicePermissions permissions, MessagingStack.QueuePair webhooks,
            MessagingStack.QueuePair push, ISecret databaseSecret) {
        // Insertion order keeps the synthesized policy stable from one synth to the next.
        Map<String, IQueue> queues = new LinkedHashMap<>();
        queues.put("webhooks", webhooks.queue());
        queues.put("webhooksDeadLetter", webhooks.deadLetterQueue());
        queues.put("push", push.queue());
        queues.put("pushDeadLetter", push.deadLetterQueue());
        queues.forEach((name, queue) ->
                allow(taskRole, permissions.actions("sqs", name), queue.getQueueArn()));
        allow(taskRole, permissions.actions("secretsmanager", "database"), databaseSecret.getSecretArn());
        // X-Ray's trace and telemetry calls name no resource: IAM authorises them on "*" only.
        allow(taskRole, permissions.actions("xray", "traces"), "*");
    }

    private static void allow(IRole role, List<String> actions, String resourceArn) {
        if (actions.isEmpty()) {
            return;
        }
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions.stream().sorted().toList())
                .resources(List.of(resourceArn))
                .build());
    }
}
