package org.orderbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.orderbridge.platform.MessageTracing;
import org.orderbridge.platform.QueueUrls;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;

/**
 * Puts deliveries on the webhook queue and only returns once SQS has accepted them, which is what lets the
 * controller acknowledge to Shopify.
 */
@Component
class WebhookQueue implements DisposableBean {

    private final SqsAsyncClient sqs;
    private final WebhookProperties properties;
    private final PayloadStore payloads;
    private final QueueUrls queueUrls;
    private final MessageTracing tracing;
    private final ScheduledExecutorService batchScheduler = new GuardedFlushScheduler(
            Thread.ofPlatform().name("webhook-send-batches").daemon().factory());
    private final SqsAsyncBatchManager batches;

    WebhookQueue(
            SqsAsyncClient sqs,
            WebhookProperties properties,
            QueueUrls queueUrls,
            PayloadStore payloads,
            MessageTracing tracing) {
        this.sqs = sqs;
        this.tracing = tracing;
        this.properties = properties;
        this.payloads = payloads;
        this.queueUrls = queueUrls;
        // Concurrent acknowledgements share SendMessageBatch calls: one signed request carries up to ten
        // deliveries, for at most send-batch-window of extra latency.
        this.batches = SqsAsyncBatchManager.builder()
                .client(sqs)
                .scheduledExecutor(batchScheduler)
                .overrideConfiguration(o -> o.maxBatchSize(10).sendRequestFrequency(properties.sendBatchWindow()))
                .build();
    }

    void enqueue(WebhookDelivery delivery) {
        Duration timeout = properties.enqueueTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        UUID claimCheck = null;
        String body;
        String payload = new String(delivery.payload(), StandardCharsets.UTF_8);
        if (delivery.payload().length > properties.maxMessageSize().toBytes() || !sqsCanCarry(payload)) {
            claimCheck = payloads.store(delivery.shopDomain(), delivery.payload());
            body = "{\"claimCheck\":\"" + claimCheck + "\"}";
        } else {
            body = payload;
        }
        try {
            String url = queueUrls.urlOf(properties.queue(), timeout);
            var attributes = WebhookQueueMessages.attributes(delivery, claimCheck);
            // The acknowledgement's span is the parent of the send's, whose context the listener continues.
            tracing.send(properties.queue(), attributes, () -> {
                long remaining = Math.max(1, deadline - System.nanoTime());
                return batches.sendMessage(
                                b -> b.queueUrl(url).messageBody(body).messageAttributes(attributes))
                        .get(remaining, TimeUnit.NANOSECONDS);
            });
            if (claimCheck != null) {
                // Unmarked, the payload would count as orphaned after an hour even though a message refers to it; if
                // marking fails, the 503 makes Shopify send the delivery again, under a new claim check.
                payloads.markQueued(claimCheck);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException(e);
        } catch (Exception e) {
            throw new QueueUnavailableException(e);
        }
    }

    /**
     * SQS refuses a few characters that JSON strings may hold raw (U+FFFE, U+FFFF, most C0 controls); such a
     * payload travels by claim check rather than being refused for ever.
     */
    static boolean sqsCanCarry(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Reachability for the readiness probe: the queue exists and answers. */
    void check(Duration timeout) throws Exception {
        String url = queueUrls.urlOf(properties.queue(), timeout);
        sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        batches.close();
        batchScheduler.shutdown();
    }

    static class QueueUnavailableException extends RuntimeException {

        QueueUnavailableException(Throwable cause) {
            super("SQS did not accept the delivery: " + cause, cause);
        }
    }
}
