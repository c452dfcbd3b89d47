package org.orderbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.webhook.WebhookFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * A dead letter the erasure's own sweep could not see (another instance held it invisible at that moment) is dropped
 * all the same: by the next sweep while the erasure is recent, or by a re-drive, which checks every letter it moves.
 */
@OrderBridgeTest
class DeadLetterSweepTest {

    /** No access token and no orders: its shop/redact erases it at once. */
    private static final String ERASED = "sweep-erased.myshopify.com";

    @LocalServerPort
    int port;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    DeadLetterErasure erasure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadLetterQueues queues;

    @Test
    void aDeadLetterOfAnErasedShopMissedByTheErasureIsDroppedLaterByTheSweepOrAReDrive() throws Exception {
        assertThat(WebhookFixtures.deliver(
                                port,
                                "shop/redact",
                                ERASED,
                                UUID.randomUUID().toString(),
                                WebhookFixtures.shopRedact(91, ERASED))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from erased_shop"
                                        + " where shop_key = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
                                .param(ERASED)
                                .query(Long.class)
                                .single()
                        == 1);
        // Letters that were invisible when the erasure swept the queue, back now.
        String redriven = deadLetter(ERASED);
        String swept = deadLetter(ERASED);
        String live = deadLetter("sweep-live.myshopify.com");

        // Never back on the webhook queue (a sweep running meanwhile may have dropped it first).
        assertThat(deadLetters.redriveOne("webhook", redriven)).isFalse();
        erasure.sweepAfterRecentErasures();

        var left = deadLetters.peek("webhook", 100).stream()
                .map(DeadLetters.Letter::messageId)
                .toList();
        assertThat(left).doesNotContain(redriven, swept).contains(live);
        assertThat(queues.drop(letter -> letter.messageId().equals(live))).isOne();
    }

    private String deadLetter(String shop) throws Exception {
        String dlq = sqs.getQueueUrl(b -> b.queueName("orderbridge-webhooks-dlq"))
                .get()
                .queueUrl();
        return sqs.sendMessage(b -> b.queueUrl(dlq)
                        .messageBody("{\"shop_domain\":\"" + shop + "\",\"marker\":\"" + UUID.randomUUID() + "\"}"))
                .get()
                .messageId();
    }
}
