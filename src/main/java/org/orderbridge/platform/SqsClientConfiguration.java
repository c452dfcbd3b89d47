package org.orderbridge.platform;

import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

@Configuration(proxyBeanMethods = false)
class SqsClientConfiguration {

    /**
     * Deadlines on every SQS call, above the 10 s long poll, so that a half-open connection fails over to a
     * new one instead of stalling a listener. The connection pool is sized for the acknowledgement path,
     * where every webhook is one SendMessage.
     */
    @Bean
    SqsAsyncClientCustomizer sqsDeadlines() {
        // Merged into what other customizers configured, rather than replacing it.
        return builder -> builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(13))
                        .apiCallTimeout(Duration.ofSeconds(30))
                        .build())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .readTimeout(Duration.ofSeconds(13))
                        .maxConcurrency(256)
                        .tcpKeepAlive(true));
    }
}
