package org.orderbridge.infra.stacks;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The service's two work queues and their dead-letter queues. Timeouts and receive counts mirror the service's
 * own settings (orderbridge.queues.*): a visibility timeout shorter than the worst-case handler would let two
 * tasks process the same message.
 */
public final class MessagingStack extends Stack {

    /** One queue as the service configures it. */
    public record QueueSpec(String baseName, Duration visibilityTimeout, int maxReceiveCount) {}

    public static final QueueSpec WEBHOOKS = new QueueSpec("webhooks", Duration.seconds(60), 6);
    public static final QueueSpec PUSH = new QueueSpec("push", Duration.seconds(120), 8);
    public static final Duration DLQ_RETENTION = Duration.days(14);

    public record Props(String namePrefix, Optional<String> shopifyEventSourceName) {}

    /** A work queue with its dead-letter queue. */
    public record QueuePair(Queue queue, Queue deadLetterQueue) {}

    private final QueuePair webhooks;
    private final QueuePair push;

    public MessagingStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        webhooks = queuePair(props.namePrefix(), WEBHOOKS);
        push = queuePair(props.namePrefix(), PUSH);
        props.shopifyEventSourceName().ifPresent(this::routeShopifyPartnerEvents);
    }

    private QueuePair queuePair(String prefix, QueueSpec spec) {
        String name = prefix + "-" + spec.baseName();
        // SSE-SQS rather than a KMS key: EventBridge can deliver to it without a key policy, and the task role
        // needs no kms:Decrypt grant.
        Queue dlq = Queue.Builder.create(this, capitalize(spec.baseName()) + "Dlq")
                .queueName(name + "-dlq")
                .retentionPeriod(DLQ_RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Queue queue = Queue.Builder.create(this, capitalize(spec.baseName()) + "Queue")
                .queueName(name)
                .visibilityTimeout(spec.visibilityTimeout())
                .retentionPeriod(Duration.days(4))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(spec.maxReceiveCount()).build())
                .build();
        return new QueuePair(queue, dlq);
    }

    /** Shopify's EventBridge delivery is an alternative to HTTPS webhooks; both land on the same queue. */
    private void routeShopifyPartnerEvents(String eventSourceName) {
        // Creating the bus from the partner source is what activates it; CDK names the bus after the source.
        EventBus bus = EventBus.Builder.create(this, "ShopifyPartnerBus")
                .eventSourceName(eventSourceName)
                .build();
        Rule.Builder.create(this, "ShopifyEventsToWebhookQueue")
                .eventBus(bus)
                .description("Shopify partner events into the OrderBridge webhook queue")
                .eventPattern(EventPattern.builder().source(List.of(eventSourceName)).build())
                .targets(List.of(new SqsQueue(webhooks.queue())))
                .build();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public QueuePair webhooks() {
        return webhooks;
    }

    public QueuePair push() {
        return push;
    }

    public List<IQueue> all() {
        return List.of(webhooks.queue(), webhooks.deadLetterQueue(), push.queue(), push.deadLetterQueue());
    }
}
