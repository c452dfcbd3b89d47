package org.orderbridge.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Resolves queue names to URLs once; a name that is already a URL is used as it is. Resolution is retried on
 * the next call after a failure, so an SQS outage at startup heals by itself.
 */
@Component
public class QueueUrls {

    private final SqsAsyncClient sqs;
    private final ConcurrentHashMap<String, String> urls = new ConcurrentHashMap<>();

    public QueueUrls(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    public String urlOf(String queue, Duration timeout) throws Exception {
        if (queue.startsWith("https://") || queue.startsWith("http://")) {
            return queue;
        }
        String known = urls.get(queue);
        if (known != null) {
            return known;
        }
        String url = sqs.getQueueUrl(b -> b.queueName(queue))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .queueUrl();
        urls.put(queue, url);
        return url;
    }
}
