package org.orderbridge.push;

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
class PushListenerConfiguration {

    static final String FACTORY = "pushListenerContainerFactory";

    @Bean(FACTORY)
    SqsMessageListenerContainerFactory<Message> pushListenerContainerFactory(SqsAsyncClient sqs,
            PushProperties properties) {
        var retry = properties.retry();
        return SqsMessageListenerContainerFactory.<Message>builder()
                .sqsAsyncClient(sqs)
                .configure(options -> options
                        .maxConcurrentMessages(properties.concurrency())
                        .maxMessagesPerPoll(Math.min(10, properties.concurrency()))
                        .pollTimeout(Duration.ofSeconds(10))
                        // Delete each message as soon as its order is settled: a batched acknowledgement lost
                        // at shutdown would push the order again (harmless, but a wasted Shopify call).
                        .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
                        .acknowledgementInterval(Duration.ZERO)
                        .acknowledgementThreshold(0)
                        // A push may be waiting for Shopify's rate budget; let it finish before stopping.
                        .listenerShutdownTimeout(Duration.ofSeconds(20))
                        .acknowledgementShutdownTimeout(Duration.ofSeconds(5))
                        .messageAttributeNames(List.of("All"))
                        .messageSystemAttributeNames(List.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
                .errorHandler(ExponentialBackoffErrorHandler.<Message>builder()
                        .initialVisibilityTimeoutSeconds((int) Math.max(1, retry.initialBackoff().toSeconds()))
                        .multiplier(retry.multiplier())
                        .maxVisibilityTimeoutSeconds((int) Math.max(1, retry.maxBackoff().toSeconds()))
                        .jitter(Jitter.FULL)
                        .build())
                .build();
    }
}
