package org.orderbridge.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Where the application reaches the embedded services, and the switches that take them away. */
public final class EmbeddedFaults implements AutoCloseable {

    /** Every probe an orphaned poll takes is one poll fewer; a listener container keeps very few open. */
    private static final int MAX_PROBES_PER_QUEUE = 10;

    private final FaultProxy database;
    private final FaultProxy sqs;
    private final int databasePort;
    private final int sqsPort;
    private final int directSqsPort;

    private EmbeddedFaults(FaultProxy database, FaultProxy sqs, int databasePort, int sqsPort, int directSqsPort) {
        this.database = database;
        this.sqs = sqs;
        this.databasePort = databasePort;
        this.sqsPort = sqsPort;
        this.directSqsPort = directSqsPort;
    }

    static EmbeddedFaults proxied(int databasePort, int sqsPort) throws IOException {
        var database = new FaultProxy(databasePort);
        var sqs = new FaultProxy(sqsPort);
        return new EmbeddedFaults(database, sqs, database.port(), sqs.port(), sqsPort);
    }

    static EmbeddedFaults direct(int databasePort, int sqsPort) {
        return new EmbeddedFaults(null, null, databasePort, sqsPort, sqsPort);
    }

    int databasePort() {
        return databasePort;
    }

    int sqsPort() {
        return sqsPort;
    }

    /**
     * Restores SQS once no long poll that the cut orphaned is left: the server does not notice that their
     * connections are gone and would hand a new message to one of them, after which it stays invisible for the
     * queue's whole visibility timeout (real SQS behaves the same when a receive's response is lost). While the
     * service is still cut off, a probe sent straight to a queue goes to such a poll if one waits; with the
     * queue's visibility timeout at zero meanwhile, it comes straight back, received more than once. A probe
     * that only this method received shows that the queue has no orphaned poll left.
     */
    public void restoreSqsAndAwaitOrphanedPolls() {
        try (SqsClient direct = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + directSqsPort))
                .region(Region.of(EmbeddedServices.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            for (String queue : direct.listQueues().queueUrls()) {
                drainOrphanedPolls(direct, queue);
            }
        }
        sqs().restore();
    }

    private static void drainOrphanedPolls(SqsClient sqs, String queue) {
        String visibility = sqs.getQueueAttributes(
                        b -> b.queueUrl(queue).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes()
                .get(QueueAttributeName.VISIBILITY_TIMEOUT);
        setVisibilityTimeout(sqs, queue, "0");
        try {
            for (int probes = 1; !probeReceivedOnlyByUs(sqs, queue); probes++) {
                if (probes == MAX_PROBES_PER_QUEUE) {
                    throw new IllegalStateException(queue + " still has orphaned polls after " + probes + " probes");
                }
            }
        } finally {
            setVisibilityTimeout(sqs, queue, visibility);
        }
    }

    private static boolean probeReceivedOnlyByUs(SqsClient sqs, String queue) {
        String probeId = sqs.sendMessage(b -> b.queueUrl(queue).messageBody("orphaned-poll probe"))
                .messageId();
        Message probe = await().atMost(Duration.ofSeconds(10))
                .until(() -> receive(sqs, queue, probeId), Optional::isPresent)
                .orElseThrow();
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(probe.receiptHandle()));
        return "1".equals(probe.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    }

    /** The probe, if this receive got it; any other message goes back to the queue at once. */
    private static Optional<Message> receive(SqsClient sqs, String queue, String probeId) {
        Optional<Message> probe = Optional.empty();
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(queue)
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(30)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages()) {
            if (message.messageId().equals(probeId)) {
                probe = Optional.of(message);
            } else {
                sqs.changeMessageVisibility(b ->
                        b.queueUrl(queue).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            }
        }
        return probe;
    }

    private static void setVisibilityTimeout(SqsClient sqs, String queue, String seconds) {
        sqs.setQueueAttributes(
                b -> b.queueUrl(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, seconds)));
    }

    public FaultProxy database() {
        return require(database);
    }

    public FaultProxy sqs() {
        return require(sqs);
    }

    private static FaultProxy require(FaultProxy proxy) {
        if (proxy == null) {
            throw new IllegalStateException("set orderbridge.embedded.fault-proxies=true to inject faults");
        }
        return proxy;
    }

    @Override
    public void close() throws IOException {
        if (database != null) {
            database.close();
        }
        if (sqs != null) {
            sqs.close();
        }
    }
}
