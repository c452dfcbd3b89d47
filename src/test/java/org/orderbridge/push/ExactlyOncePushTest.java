package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.orderbridge.push.PushFixtures.ADMIN_KEY;
import static org.orderbridge.push.PushFixtures.FAULTY_SHOP;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.platform.QueueUrls;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * One order, several pushes at once: the same order on the push queue three times (a relay that sent twice, another
 * instance) and an admin's re-push while the first push is in flight, against a Shopify that answers slowly and loses
 * the answer to the first create. Shopify's own uniqueness check is switched off in the simulator, so that what keeps
 * the store at one order is OrderBridge's lease and its recorded create attempt, not Shopify.
 */
@OrderBridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExactlyOncePushTest {

    private static final int RUNS = 20;
    private static final Duration LATENCY = Duration.ofMillis(150);

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    QueueUrls queueUrls;

    @Autowired
    PushProperties properties;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    private final List<Run> runs = Collections.synchronizedList(new ArrayList<>());
    private long firstRunStarted;

    record Run(
            String orderId,
            int shopifyOrders,
            long creates,
            boolean repushAccepted,
            long busy,
            Duration untilPushed,
            Duration untilAllHandled) {}

    @BeforeAll
    void slowShopifyWithoutItsUniquenessGuard() {
        e2e.shopify().store().setUniqueValuesEnforced(false);
        e2e.shopify().setLatency(LATENCY);
        firstRunStarted = System.nanoTime();
    }

    @AfterAll
    void restoreShopify() {
        e2e.shopify().setLatency(Duration.ZERO);
        e2e.shopify().store().setUniqueValuesEnforced(true);
    }

    @RepeatedTest(RUNS)
    @Order(1)
    void threeWorkersAndAnAdminRepushLeaveExactlyOneShopifyOrder(RepetitionInfo repetition) throws Exception {
        double handledBefore = handled();
        double busyBefore = count("busy");
        e2e.shopify().faults().forShop(FAULTY_SHOP).nextFor("orderCreate", 1, Fault.dropAfterCommit());
        long started = System.nanoTime();

        String id = e2e.accept("exactly-once-" + repetition.getCurrentRepetition() + "@example.com", FAULTY_SHOP);
        // Three messages for the order in one batch, taken by three workers at once; the outbox sends a fourth.
        sendPushMessages(id, 3);
        // The admin re-pushes while the first push is under way: its create has reached Shopify, its answer is lost.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> e2e.shopify().requests().stream().anyMatch(r -> r.isFor("orderCreate", id)));
        var repush = e2e.call(HttpMethod.POST, "/api/v1/orders/" + id + "/push", ADMIN_KEY);
        // 409 when the push had already been recorded: the re-push found nothing left to do.
        assertThat(repush.getStatusCode()).isIn(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
        boolean repushAccepted = repush.getStatusCode() == HttpStatus.ACCEPTED;

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> "PUSHED".equals(e2e.order(id).get("status").asString()));
        Duration untilPushed = Duration.ofNanos(System.nanoTime() - started);
        // Every message for the order done (the ones put back included), so that none can still create a second one.
        int messages = repushAccepted ? 5 : 4;
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> handled() - handledBefore >= messages);
        Duration untilAllHandled = Duration.ofNanos(System.nanoTime() - started);

        List<SimulatedOrder> inShopify = e2e.shopifyOrdersFor(id);
        long creates = creates(id);
        runs.add(new Run(
                id,
                inShopify.size(),
                creates,
                repushAccepted,
                (long) (count("busy") - busyBefore),
                untilPushed,
                untilAllHandled));
        assertThat(e2e.shopify().requests())
                .anyMatch(r -> r.isFor("orderCreate", id) && r.outcome() == Outcome.INJECTED_DROP_AFTER_COMMIT);
        assertThat(inShopify).hasSize(1);
        assertThat(e2e.order(id).get("shopifyOrderId").asLong())
                .isEqualTo(inShopify.getFirst().legacyId());
        // The lost answer was followed by a look-up, never by a second create, from any worker.
        assertThat(creates).isOne();
    }

    /**
     * After the last run, once the push queue is empty: still one Shopify order per order, and the lease did turn
     * workers away (so the runs were concurrent, not lucky).
     */
    @Test
    @Order(2)
    void afterAllRunsEveryOrderIsInShopifyOnce() throws Exception {
        assumeTrue(runs.size() == RUNS, "runs only after all repetitions");
        String url = queueUrls.urlOf(properties.queue(), Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> messagesIn(url) == 0);
        Duration total = Duration.ofNanos(System.nanoTime() - firstRunStarted);

        assertThat(runs).allSatisfy(run -> {
            assertThat(e2e.shopifyOrdersFor(run.orderId())).hasSize(1);
            assertThat(creates(run.orderId())).isOne();
        });
        long busy = runs.stream().mapToLong(Run::busy).sum();
        assertThat(busy).isPositive();
        System.out.printf(
                "Exactly-once push: %d runs in %.1f s; Shopify orders per run %s; creates per run %s; re-push accepted"
                        + " in %d runs; messages put back (lease held) %d; until pushed median %d ms, max %d ms;"
                        + " until all handled max %d ms%n",
                runs.size(),
                total.toMillis() / 1000.0,
                runs.stream().map(Run::shopifyOrders).toList(),
                runs.stream().map(Run::creates).toList(),
                runs.stream().filter(Run::repushAccepted).count(),
                busy,
                median(runs.stream().map(Run::untilPushed).toList()),
                runs.stream().mapToLong(r -> r.untilPushed().toMillis()).max().orElse(0),
                runs.stream()
                        .mapToLong(r -> r.untilAllHandled().toMillis())
                        .max()
                        .orElse(0));
    }

    /**
     * The first push's create reaches Shopify but its answer is lost, and its look-up fails too: the push gives up, and
     * what it knew about the create is gone with it. The next attempt (the message's redelivery, as on another
     * instance or after a crash) finds the create recorded in the order and looks the order up instead of creating it.
     */
    @Test
    @Order(3)
    void aPushAfterOneThatGaveUpLooksTheOrderUpInsteadOfCreatingIt() throws Exception {
        // Shopify's orders/create webhook would link the order and settle it; this test is about the push alone.
        e2e.shopify().setWebhooks(URI.create("http://127.0.0.1:9/nowhere"), "unused");
        try {
            e2e.shopify()
                    .faults()
                    .forShop(FAULTY_SHOP)
                    .nextFor("orderCreate", 1, Fault.dropAfterCommit())
                    .nextFor("orderByIdentifier", 1, Fault.serverError(503));

            String id = e2e.accept("gave-up@example.com", FAULTY_SHOP);

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> "PUSHED".equals(e2e.order(id).get("status").asString()));
            assertThat(e2e.shopifyOrdersFor(id)).hasSize(1);
            assertThat(e2e.shopify().requests())
                    .filteredOn(r -> id.equals(r.orderRef()))
                    .extracting(r -> r.rootFields().getFirst() + " " + r.outcome())
                    .containsExactly(
                            "orderCreate INJECTED_DROP_AFTER_COMMIT",
                            "orderByIdentifier INJECTED_STATUS",
                            "orderByIdentifier OK");
        } finally {
            e2e.shopify().setWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/shopify"), webhookSecret());
        }
    }

    private String webhookSecret() {
        return environment.getProperty("orderbridge.webhook.secrets", "").split(",")[0];
    }

    /**
     * In one request, so that one receive hands them to the listener together: a listener container polls again only
     * once a whole batch of its permits is free, so messages arriving one by one would be taken one after another.
     */
    private void sendPushMessages(String orderId, int count) throws Exception {
        String url = queueUrls.urlOf(properties.queue(), Duration.ofSeconds(5));
        List<SendMessageBatchRequestEntry> entries = IntStream.range(0, count)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody(PushMessages.body(PushMessages.ORDER_KIND, UUID.fromString(orderId)))
                        .build())
                .toList();
        assertThat(sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries))
                        .get(5, TimeUnit.SECONDS)
                        .successful())
                .hasSize(count);
    }

    private long messagesIn(String url) throws Exception {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .get(5, TimeUnit.SECONDS)
                .attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    private long creates(String orderId) {
        return e2e.shopify().requests().stream()
                .filter(r -> r.isFor("orderCreate", orderId))
                .map(RecordedRequest::outcome)
                .count();
    }

    /** Messages whose push is over: pushed, refused or found with nothing to do. Put-back ones are not. */
    private double handled() {
        return count("pushed") + count("skipped") + count("rejected");
    }

    private double count(String outcome) {
        Counter counter =
                meters.find("orderbridge.push.outcome").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long median(List<Duration> durations) {
        List<Long> millis = durations.stream().map(Duration::toMillis).sorted().toList();
        return millis.isEmpty() ? 0 : millis.get(millis.size() / 2);
    }
}
