package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.platform.MovableClock;
import org.orderbridge.platform.QueueUrls;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The webhook backlog gauges: the queue's count from SQS, the oldest age from what the listener receives. */
@Tag("unit")
class WebhookBacklogTest {

    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    private final SqsAsyncClient sqs = mock(SqsAsyncClient.class);
    private final WebhookProperties properties = mock(WebhookProperties.class);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock(START);
    private final WebhookBacklog backlog;

    WebhookBacklogTest() {
        given(properties.queue()).willReturn("http://sqs.test/000000000000/orderbridge-webhooks");
        backlog = new WebhookBacklog(sqs, new QueueUrls(sqs), properties, clock, meters);
    }

    @Test
    void countsWaitingAndInFlightMessagesAndAgesTheOldestTheListenerSaw() {
        queueHolds(2, 1);
        backlog.received(sentAt(START.minusSeconds(40)));
        backlog.received(sentAt(START.minusSeconds(5)));

        backlog.refresh();

        assertThat(gauge("orderbridge.webhooks.backlog")).isEqualTo(3);
        assertThat(gauge("orderbridge.webhooks.oldest.age")).isEqualTo(40);
    }

    @Test
    void letsABacklogThatNobodyReceivesGrowOlder() {
        queueHolds(5, 0);
        backlog.received(sentAt(START.minusSeconds(10)));
        backlog.refresh();

        clock.advance(Duration.ofSeconds(15));
        backlog.refresh();

        assertThat(gauge("orderbridge.webhooks.oldest.age")).isEqualTo(25);
    }

    @Test
    void readsZeroOnceTheQueueIsEmpty() {
        queueHolds(1, 0);
        backlog.received(sentAt(START.minusSeconds(30)));
        backlog.refresh();

        queueHolds(0, 0);
        clock.advance(Duration.ofSeconds(15));
        backlog.refresh();

        assertThat(gauge("orderbridge.webhooks.backlog")).isZero();
        assertThat(gauge("orderbridge.webhooks.oldest.age")).isZero();
    }

    @Test
    void keepsTheLastValuesWhileSqsDoesNotAnswer() {
        queueHolds(4, 0);
        backlog.refresh();
        given(sqs.getQueueAttributes(any(Consumer.class)))
                .willReturn(CompletableFuture.failedFuture(new IllegalStateException("SQS is down")));

        backlog.refresh();

        assertThat(gauge("orderbridge.webhooks.backlog")).isEqualTo(4);
    }

    private void queueHolds(int visible, int inFlight) {
        var response = GetQueueAttributesResponse.builder()
                .attributes(Map.of(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        String.valueOf(visible),
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        String.valueOf(inFlight)))
                .build();
        given(sqs.getQueueAttributes(any(Consumer.class))).willReturn(CompletableFuture.completedFuture(response));
        given(sqs.getQueueAttributes(any(GetQueueAttributesRequest.class)))
                .willReturn(CompletableFuture.completedFuture(response));
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private static Message sentAt(Instant sent) {
        return Message.builder()
                .messageId("m")
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, String.valueOf(sent.toEpochMilli())))
                .build();
    }
}
