package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.orderbridge.webhook.WebhookFixtures.processed;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.reliability.HostileInputFixtures.Effect;
import org.orderbridge.reliability.HostileInputFixtures.HostileCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The hostile input corpus (HostileInputFixtures) over real HTTP: each request gets its 4xx (or the 200 the
 * webhook design owes), as problem+json, without a secret or a stack trace; nothing is stored that should
 * not be, and the service is healthy afterwards.
 */
@OrderBridgeTest
class HostileInputTest {

    private static final List<String> INTERNALS = List.of(
            "\tat ",
            "Exception",
            "org.springframework",
            "org.apache",
            "java.lang",
            "org.postgresql",
            "org.hibernate",
            "SQLState",
            "select ");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    MeterRegistry meters;

    @TestFactory
    Stream<DynamicTest> answersEveryHostileRequestAndStoresOnlyWhatItMay() throws Exception {
        List<HostileCase> corpus = HostileInputFixtures.corpus();
        long deadLettersBefore = deadLetteredDeliveries();
        long ordersBefore = intakeOrders();
        long ordersCreated =
                corpus.stream().filter(c -> c.effect() == Effect.CREATES_ORDER).count();
        long replayedCopies = corpus.stream()
                .filter(c -> c.effect() == Effect.ENQUEUES_DELIVERY)
                .count();
        double duplicatesBefore = processed(meters, "orders/create", "duplicate");

        Stream<DynamicTest> cases = corpus.stream().map(c -> dynamicTest(c.name(), () -> answers(c)));
        Stream<DynamicTest> afterwards = Stream.of(
                dynamicTest(
                        "corpus holds at least 200 requests",
                        () -> assertThat(corpus).hasSizeGreaterThan(200)),
                dynamicTest(
                        "applies a replayed delivery once, and no other delivery",
                        () -> appliesReplayedDeliveryOnce(replayedCopies, duplicatesBefore)),
                dynamicTest(
                        "dead-letters no delivery",
                        () -> assertThat(deadLetteredDeliveries()).isEqualTo(deadLettersBefore)),
                dynamicTest(
                        "stores only the valid orders",
                        () -> assertThat(intakeOrders() - ordersBefore).isEqualTo(ordersCreated)),
                dynamicTest("is healthy afterwards", this::isHealthy));
        return Stream.concat(cases, afterwards);
    }

    private void answers(HostileCase hostile) throws Exception {
        var response = RawHttp.exchange(port, hostile.request(), hostile.halfClose());
        String everything = response.headers() + "\n" + response.body();

        assertThat(response.status())
                .as("%s: status; body: %s", hostile, abbreviate(response.body()))
                .isIn(hostile.expected());
        if (response.status() >= 400) {
            assertThat(response.contentType())
                    .as("%s: content type of %d", hostile, response.status())
                    .startsWith("application/problem+json");
        }
        assertThat(everything)
                .as("%s: no secret in the response", hostile)
                .doesNotContain(HostileInputFixtures.SECRETS);
        assertThat(everything).as("%s: no internals in the response", hostile).doesNotContain(INTERNALS);
        assertThat(hostile.body().test(response.body()))
                .as("%s: body %s", hostile, abbreviate(response.body()))
                .isTrue();
    }

    private void appliesReplayedDeliveryOnce(long copies, double duplicatesBefore) {
        // Copies of one delivery may be processed concurrently; whichever claims the webhook id is applied, and
        // every other copy is processed as its duplicate.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> processed(meters, "orders/create", "duplicate") - duplicatesBefore >= copies - 1);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where shop_domain = ?")
                        .param(HostileInputFixtures.WEBHOOK_SHOP)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from shop_order where shop_domain = ?")
                        .param(HostileInputFixtures.WEBHOOK_SHOP)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select note from shop_order where shop_domain = ?")
                        .param(HostileInputFixtures.WEBHOOK_SHOP)
                        .query(String.class)
                        .single())
                .isEqualTo("corpus");
    }

    private void isHealthy() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private long deadLetteredDeliveries() throws Exception {
        String url = sqs.getQueueUrl(b -> b.queueName("orderbridge-webhooks-dlq"))
                .get()
                .queueUrl();
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .get()
                .attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private long intakeOrders() {
        return jdbc.sql("select count(*) from shop_order where customer ->> 'email' = ?")
                .param(HostileInputFixtures.INTAKE_EMAIL)
                .query(Long.class)
                .single();
    }
}
