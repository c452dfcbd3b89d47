package org.orderbridge.push;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.micrometer.observation.ObservationRegistry;
import org.orderbridge.deadletter.DeadLetterQueue;
import org.orderbridge.platform.SqsListeners;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

@Configuration(proxyBeanMethods = false)
class PushListenerConfiguration {

    static final String FACTORY = "pushListenerContainerFactory";

    @Bean(FACTORY)
    SqsMessageListenerContainerFactory<Message> pushListenerContainerFactory(
            SqsAsyncClient sqs, ObservationRegistry observations, PushProperties properties) {
        var retry = properties.retry();
        // A push takes up to its deadline; with receives of a quarter of the concurrency, one slow push does not keep
        // the idle workers from the messages behind it (a duplicate of its subject among them, which must see the
        // lease).
        return SqsListeners.deleteOnSuccessWithBackoff(
                sqs,
                observations,
                properties.concurrency(),
                Math.max(1, properties.concurrency() / 4),
                retry.initialBackoff(),
                retry.multiplier(),
                retry.maxBackoff());
    }

    @Bean
    PushTiming pushTiming(PushProperties properties) {
        return new PushTiming(properties.deadline(), properties.visibilityTimeout());
    }

    @Bean
    DeadLetterQueue pushDeadLetterQueue(PushProperties properties) {
        return new DeadLetterQueue("push", properties.queue(), properties.deadLetterQueue());
    }
}
