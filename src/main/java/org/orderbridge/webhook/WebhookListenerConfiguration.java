package org.orderbridge.webhook;

import java.time.Duration;
import java.util.List;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.Jitter;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookListenerConfiguration {

    static final String FACTORY = "webhookListenerContainerFactory";

    @Bean(FACTORY)
    SqsMessageListenerContainerFactory<Message> webhookListenerContainerFactory(SqsAsyncClient sqs,
            WebhookProperties properties) {
        var retry = properties.retry();
        return SqsMessageListenerContainerFactory.<Message>builder()
                .sqsAsyncClient(sqs)
                .configure(options -> options
                        .maxConcurrentMessages(properties.concurrency())
                        .maxMessagesPerPoll(Math.min(10, properties.concurrency()))
                        .pollTimeout(Duration.ofSeconds(10))
                        // Delete each message as soon as it is processed: batched acknowledgements can be
                        // lost at shutdown, and the message then processed again.
                        .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
                        .acknowledgementInterval(Duration.ZERO)
                        .acknowledgementThreshold(0)
                        .listenerShutdownTimeout(Duration.ofSeconds(20))
                        .acknowledgementShutdownTimeout(Duration.ofSeconds(5))
                        .messageAttributeNames(List.of("All"))
                        .messageSystemAttributeNames(List.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
                .errorHandler(ExponentialBackoffErrorHandler.<Message>builder()
                        .initialVisibilityTimeoutSeconds((int) Math.max(1, retry.initialBackoff().toSeconds()))
                        .multiplier(retry.multiplier())
                        .maxVisibilityTimeoutSeconds((int) retry.maxBackoff().toSeconds())
                        .jitter(Jitter.FULL)
                        .build())
                .build();
    }
}
