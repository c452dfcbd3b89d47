package org.orderbridge.webhook;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.micrometer.observation.ObservationRegistry;
import org.orderbridge.deadletter.DeadLetterQueue;
import org.orderbridge.platform.SqsListeners;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

@Configuration(proxyBeanMethods = false)
class WebhookListenerConfiguration {

    static final String FACTORY = "webhookListenerContainerFactory";

    @Bean(FACTORY)
    SqsMessageListenerContainerFactory<Message> webhookListenerContainerFactory(
            SqsAsyncClient sqs, ObservationRegistry observations, WebhookProperties properties) {
        var retry = properties.retry();
        return SqsListeners.deleteOnSuccessWithBackoff(
                sqs,
                observations,
                properties.concurrency(),
                retry.initialBackoff(),
                retry.multiplier(),
                retry.maxBackoff());
    }

    @Bean
    DeadLetterQueue webhookDeadLetterQueue(WebhookProperties properties) {
        return new DeadLetterQueue("webhook", properties.queue(), properties.deadLetterQueue());
    }
}
