package org.orderbridge.platform;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every SQS operation the service's own client performs, per queue, as IAM names it: the stand-in SQS
 * server ignores IAM, so this is how a test finds out what the task role in AWS must allow.
 */
public final class SqsCallRecorder implements ExecutionInterceptor {

    private static final Map<String, String> BATCH_ACTIONS = Map.of(
            "SendMessageBatch", "SendMessage",
            "DeleteMessageBatch", "DeleteMessage",
            "ChangeMessageVisibilityBatch", "ChangeMessageVisibility");

    private final Map<String, Set<String>> actionsByQueue = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String action = "sqs:" + BATCH_ACTIONS.getOrDefault(operation, operation);
        queueOf(context.request())
                .ifPresent(queue -> actionsByQueue
                        .computeIfAbsent(queue, q -> ConcurrentHashMap.newKeySet())
                        .add(action));
    }

    /** Queue name to the IAM actions performed on it so far. */
    public Map<String, Set<String>> actionsByQueue() {
        var copy = new TreeMap<String, Set<String>>();
        actionsByQueue.forEach((queue, actions) -> copy.put(queue, new TreeSet<>(actions)));
        return copy;
    }

    private static java.util.Optional<String> queueOf(SdkRequest request) {
        return request.getValueForField("QueueUrl", String.class)
                .map(url -> url.substring(url.lastIndexOf('/') + 1))
                .or(() -> request.getValueForField("QueueName", String.class));
    }
}
