package org.orderbridge.reliability;

import static org.orderbridge.reliability.ReliabilityFixtures.PUSH_VISIBILITY_SECONDS;
import static org.orderbridge.reliability.ReliabilityFixtures.WEBHOOK_VISIBILITY_SECONDS;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.orderbridge.platform.EmbeddedServices;
import org.orderbridge.platform.FaultProxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ in the test JVM, so that it outlives a killed service, with the AWS stack's queues and
 * dead-letter queues; the service reaches it through a proxy the tests can cut.
 */
final class SqsServer implements AutoCloseable {

    private final SQSRestServer server;
    private final FaultProxy proxy;
    private final SqsClient client;

    SqsServer() throws IOException {
        server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .withAWSRegion(EmbeddedServices.REGION)
                .start();
        String endpoint =
                "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
        EmbeddedServices.createQueues(endpoint, WEBHOOK_VISIBILITY_SECONDS, PUSH_VISIBILITY_SECONDS);
        proxy = new FaultProxy(server.waitUntilStarted().localAddress().getPort());
        client = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(EmbeddedServices.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    String serviceEndpoint() {
        return "http://127.0.0.1:" + proxy.port();
    }

    FaultProxy network() {
        return proxy;
    }

    /** Messages in a queue, visible or not. */
    int messages(String queue) {
        String url = client.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public void close() throws IOException {
        client.close();
        proxy.close();
        server.stopAndWait();
    }
}
