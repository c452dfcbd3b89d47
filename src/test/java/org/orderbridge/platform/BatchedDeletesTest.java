package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.awspring.cloud.sqs.listener.SqsContainerOptions;
import io.awspring.cloud.sqs.listener.acknowledgement.AcknowledgementOrdering;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.services.sqs.model.Message;

/** Deletes go out ten at a time; a stop sends what waits and waits for it; a failed delete is one WARN line. */
@Tag("unit")
class BatchedDeletesTest {

    @RegisterExtension
    final LogCapture log = LogCapture.of(SqsListeners.class);

    private final List<Collection<org.springframework.messaging.Message<Message>>> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> answers = new CopyOnWriteArrayList<>();

    @Test
    void sendsTenAtOnceAndTheRestAfterTheLinger() {
        var deletes = started(Duration.ofMillis(50));
        List<org.springframework.messaging.Message<Message>> messages = messages(23);

        messages.forEach(deletes::onAcknowledge);

        assertThat(sent).hasSize(2).allSatisfy(batch -> assertThat(batch).hasSize(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 3);
        assertThat(sent.get(2)).containsExactlyElementsOf(messages.subList(20, 23));
    }

    @Test
    void stopSendsWhatWaitsAndWaitsForItsAnswer() throws Exception {
        var deletes = started(Duration.ofHours(1));
        List<org.springframework.messaging.Message<Message>> messages = messages(3);
        messages.forEach(deletes::onAcknowledge);
        assertThat(sent).isEmpty();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(deletes::stop);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(sent.getFirst()).containsExactlyElementsOf(messages);
        assertThat(stopped).isNotDone();

        answers.getFirst().complete(null);
        stopped.get();
    }

    @Test
    void failedDeleteIsOneWarnLineWithoutStack() throws Exception {
        var deletes = started(Duration.ofHours(1));
        messages(2).forEach(deletes::onAcknowledge);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(deletes::stop);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);

        answers.getFirst().completeExceptionally(new TimeoutException("DeleteMessageBatch timed out"));
        stopped.get();

        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .startsWith("Could not delete 2 processed message(s)")
                    .contains("TimeoutException: DeleteMessageBatch timed out")
                    .endsWith("they will be delivered again and recorded as duplicates");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    private BatchedDeletes<Message> started(Duration linger) {
        var deletes = new BatchedDeletes<Message>(linger, Duration.ofSeconds(5));
        deletes.configure(SqsContainerOptions.builder()
                .acknowledgementOrdering(AcknowledgementOrdering.PARALLEL)
                .build());
        deletes.setId("test-queue");
        deletes.setAcknowledgementExecutor(batch -> {
            var answer = new CompletableFuture<Void>();
            answers.add(answer);
            sent.add(List.copyOf(batch));
            return answer;
        });
        deletes.setAcknowledgementResultCallback(new SqsListeners.DeleteFailures());
        deletes.start();
        return deletes;
    }

    private static List<org.springframework.messaging.Message<Message>> messages(int count) {
        var messages = new ArrayList<org.springframework.messaging.Message<Message>>();
        for (int i = 0; i < count; i++) {
            messages.add(MessageBuilder.withPayload(
                            Message.builder().body("message " + i).build())
                    .build());
        }
        return messages;
    }
}
