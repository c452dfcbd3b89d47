package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.webhook.WebhookFixtures.SHOP;
import static org.orderbridge.webhook.WebhookFixtures.newShopifyId;
import static org.orderbridge.webhook.WebhookFixtures.order;

import io.awspring.cloud.sqs.listener.AbstractMessageListenerContainer;
import io.awspring.cloud.sqs.listener.MessageListenerContainer;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Processed messages are deleted in batches; a graceful stop must still leave none of them on the queue, where they
 * would come back after their visibility timeout and be processed a second time.
 */
@OrderBridgeTest
class WebhookListenerStopTest {

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageListenerContainerRegistry containers;

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Test
    void gracefulStopDeletesTheMessagesItFinishesProcessing() throws Exception {
        String queueName = environment.getRequiredProperty("orderbridge.webhook.queue");
        String queue = sqs.getQueueUrl(b -> b.queueName(queueName)).get().queueUrl();
        MessageListenerContainer<?> listener = webhookListener(queueName);
        // Counted by the queue's own figures: whatever earlier tests left there must have settled first.
        await().atMost(Duration.ofSeconds(60)).until(() -> inFlight(queue) == 0 && visible(queue) == 0);
        List<String> early = webhookIds(30);
        List<String> late = webhookIds(5);
        List<String> all = new ArrayList<>(early);
        all.addAll(late);

        try (Connection blocker = dataSource.getConnection()) {
            // The late deliveries' claims wait on these uncommitted rows: they are in flight when the stop begins,
            // and finish, and are acknowledged, while it waits for them.
            blocker.setAutoCommit(false);
            try (PreparedStatement claim = blocker.prepareStatement(
                    "insert into webhook_delivery (webhook_id, topic, shop_domain, outcome, processed_at)"
                            + " values (?, 'orders/create', ?, 'CLAIMED', now())")) {
                for (String id : late) {
                    claim.setString(1, id);
                    claim.setString(2, SHOP);
                    claim.executeUpdate();
                }
            }
            for (String id : all) {
                send(queue, id);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> processed(early) == early.size() && inFlight(queue) == late.size());

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(listener::stop);
            await().atMost(Duration.ofSeconds(10)).until(() -> !listener.isRunning());
            blocker.rollback();
            stopped.get(30, TimeUnit.SECONDS);
        } finally {
            listener.start();
        }

        assertThat(processed(all)).isEqualTo(all.size());
        // A processed message whose delete was dropped would be in flight until its visibility timeout ends, and then
        // be processed again.
        assertThat(inFlight(queue)).isZero();
        assertThat(visible(queue)).isZero();
    }

    private void send(String queue, String webhookId) throws Exception {
        byte[] payload = order(newShopifyId(), Instant.now(), "stop").getBytes(StandardCharsets.UTF_8);
        var delivery = new WebhookDelivery(
                "orders/create", SHOP, webhookId, UUID.randomUUID().toString(), null, "2026-10", payload);
        sqs.sendMessage(b -> b.queueUrl(queue)
                        .messageBody(new String(payload, StandardCharsets.UTF_8))
                        .messageAttributes(WebhookQueueMessages.attributes(delivery, null)))
                .get();
    }

    private static List<String> webhookIds(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
    }

    private int inFlight(String queue) throws Exception {
        return count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private int visible(String queue) throws Exception {
        return count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    private int count(String queue, QueueAttributeName attribute) throws Exception {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(attribute))
                .get()
                .attributes()
                .get(attribute));
    }

    private MessageListenerContainer<?> webhookListener(String queueName) {
        return containers.getListenerContainers().stream()
                .filter(c -> c instanceof AbstractMessageListenerContainer<?, ?, ?> container
                        && container.getQueueNames().contains(queueName))
                .findFirst()
                .orElseThrow();
    }

    private int processed(List<String> webhookIds) {
        return jdbc.sql("select count(*) from webhook_delivery where webhook_id in (:ids) and outcome <> 'CLAIMED'")
                .param("ids", webhookIds)
                .query(Integer.class)
                .single();
    }
}
