package org.orderbridge.infra.stacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SSM Automation behind the drill's SQS outage: deny, hold, remove. Every step goes on to the removal when it fails
 * or when the automation is cancelled (FIS cancels it when the experiment is stopped), so the deny never outlives the
 * experiment; the cancellation path runs for up to two minutes
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-actions.html, "onCancel").
 */
final class SqsOutageRunbook {

    private static final String REMOVE = "step:RemoveSqsDeny";

    private SqsOutageRunbook() {}

    static Map<String, Object> content(String taskRoleName, List<String> queueArns) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schemaVersion", "0.3");
        document.put("description", "Denies SQS to the OrderBridge task role for a while, then removes the deny.");
        document.put("assumeRole", "{{ AutomationAssumeRole }}");
        document.put("parameters", Map.of(
                "AutomationAssumeRole", Map.of("type", "String", "description", "Role that puts and removes the deny"),
                "Duration", Map.of("type", "String", "default", ResilienceDrillStack.SQS_OUTAGE,
                        "description", "How long SQS stays denied (ISO 8601)")));
        document.put("mainSteps", List.of(
                step("DenySqs", "aws:executeAwsApi", Map.of(
                        "Service", "iam",
                        "Api", "PutRolePolicy",
                        "RoleName", taskRoleName,
                        "PolicyName", ResilienceDrillStack.DENY_POLICY_NAME,
                        "PolicyDocument", json(denyPolicy(queueArns)))),
                step("HoldOutage", "aws:sleep", Map.of("Duration", "{{ Duration }}")),
                Map.of(
                        "name", "RemoveSqsDeny",
                        "action", "aws:executeAwsApi",
                        "maxAttempts", 3,
                        "isEnd", true,
                        "inputs", Map.of(
                                "Service", "iam",
                                "Api", "DeleteRolePolicy",
                                "RoleName", taskRoleName,
                                "PolicyName", ResilienceDrillStack.DENY_POLICY_NAME))));
        return document;
    }

    /** What the FIS action passes to the automation, as the JSON string its documentParameters takes. */
    static String parameters(String automationRoleArn) {
        return json(Map.of("AutomationAssumeRole", automationRoleArn));
    }

    private static Map<String, Object> step(String name, String action, Map<String, Object> inputs) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", name);
        step.put("action", action);
        step.put("onFailure", REMOVE);
        step.put("onCancel", REMOVE);
        step.put("inputs", inputs);
        return step;
    }

    static Map<String, Object> denyPolicy(List<String> queueArns) {
        return Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Effect", "Deny",
                        "Action", "sqs:*",
                        "Resource", queueArns)));
    }

    /**
     * Queue ARNs are CloudFormation tokens at synth; Jackson writes their placeholders, which CDK resolves inside the
     * string it later embeds in the template.
     */
    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
