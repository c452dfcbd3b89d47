package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.webhook.WebhookFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQS stand-in ignores IAM, so a missing permission would only show in AWS. This test drives every path
 * that touches a queue — acknowledgement, processing, retry backoff, dead-lettering, dead-letter listing and
 * re-drive (all, and one from the ops console), readiness, outbox relay and push — records what the service's SQS client really called, and
 * requires it to be exactly what {@code infra/service-permissions.json} grants the task role, queue by queue.
 */
@OrderBridgeTest
class AwsPermissionsTest {

    private static final Path GRANTED = Path.of("infra/service-permissions.json");

    @LocalServerPort
    int port;

    @Autowired
    SqsCallRecorder recorder;

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    EmbeddedFaults faults;

    @Autowired
    Environment environment;

    @Test
    void serviceCallsExactlyTheSqsActionsTheTaskRoleIsGranted() throws Exception {
        Map<String, String> queues = Map.of(
                "webhooks", environment.getRequiredProperty("orderbridge.webhook.queue"),
                "webhooksDeadLetter", environment.getRequiredProperty("orderbridge.webhook.dead-letter-queue"),
                "push", environment.getRequiredProperty("orderbridge.push.queue"),
                "pushDeadLetter", environment.getRequiredProperty("orderbridge.push.dead-letter-queue"));

        processWebhookAfterADatabaseOutage();
        deadLetterAndRedrive("webhook", "orderbridge.webhook.queue", "{\"note\":\"poison\"}");
        deadLetterAndRedrive("push", "orderbridge.push.queue", "not a push message");
        pushAnOrderThroughAShopifyOutage();
        assertThat(admin(HttpMethod.GET, "/actuator/health").get("status").asString())
                .isEqualTo("UP");

        Map<String, Set<String>> granted = granted(queues);
        Map<String, Set<String>> called = recorder.actionsByQueue();
        assertThat(called).as("SQS actions the service called, per queue").isEqualTo(granted);
    }

    private void processWebhookAfterADatabaseOutage() throws Exception {
        long id = 8_000_000_000L + (System.nanoTime() & 0xFFFFFFL);
        faults.database().cut();
        try {
            assertThat(WebhookFixtures.deliver(
                                    port,
                                    "orders/create",
                                    "alpha.myshopify.com",
                                    UUID.randomUUID().toString(),
                                    WebhookFixtures.order(id, Instant.now(), "permissions"))
                            .statusCode())
                    .isEqualTo(200);
            // A failed attempt backs off by changing the message's visibility.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(recorder.actionsByQueue())
                            .as("SQS actions called so far")
                            .extractingByKey(environment.getRequiredProperty("orderbridge.webhook.queue"))
                            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                            .contains("sqs:ChangeMessageVisibility"));
        } finally {
            faults.database().restore();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from shop_order where shopify_order_id = ?")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    /**
     * Two messages go to the dead-letter queue; the ops console re-drives one (making the other, received beside it,
     * visible again at once), then the admin API re-drives the rest.
     */
    private void deadLetterAndRedrive(String name, String queueProperty, String poison) throws Exception {
        String marker = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String url = sqs.getQueueUrl(b -> b.queueName(environment.getRequiredProperty(queueProperty)))
                .get()
                .queueUrl();
        for (String mark : new String[] {marker, other}) {
            String body = poison.replace("poison", mark).replace("not a push message", "not a push message " + mark);
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String listed = deadLetters(name).toString();
            return listed.contains(marker) && listed.contains(other);
        });
        String messageId = null;
        for (JsonNode letter : deadLetters(name)) {
            if (letter.get("body").asString().contains(marker)) {
                messageId = letter.get("messageId").asString();
            }
        }
        var one = e2e.rest()
                .exchange(
                        "/ops/dead-letters/" + name + "/messages/" + messageId + "/redrive",
                        HttpMethod.POST,
                        new HttpEntity<>(PushFixtures.headers(PushFixtures.ADMIN_KEY)),
                        String.class);
        assertThat(one.getBody()).contains("Message " + messageId + " is back on the " + name + " queue.");
        assertThat(deadLetters(name).toString()).contains(other);
        assertThat(admin(HttpMethod.POST, "/api/v1/admin/dead-letters/redrive?queue=" + name + "&max=100")
                        .get("moved")
                        .asInt())
                .isPositive();
    }

    private JsonNode deadLetters(String name) {
        return admin(HttpMethod.GET, "/api/v1/admin/dead-letters?queue=" + name + "&max=100");
    }

    /** Shopify fails the first attempts, so the push message backs off before it succeeds. */
    private void pushAnOrderThroughAShopifyOutage() {
        e2e.shopify().faults().forShop(PushFixtures.FAULTY_SHOP).nextFor("orderCreate", 2, Fault.serverError(503));
        String id = e2e.accept("permissions@example.com", PushFixtures.FAULTY_SHOP);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "PUSHED".equals(e2e.order(id).get("status").asString()));
    }

    private JsonNode admin(HttpMethod method, String path) {
        var response = e2e.call(method, path, PushFixtures.ADMIN_KEY);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Map<String, Set<String>> granted(Map<String, String> queues) throws Exception {
        JsonNode sqs =
                JsonMapper.builder().build().readTree(Files.readString(GRANTED)).path("sqs");
        var granted = new TreeMap<String, Set<String>>();
        for (var entry : sqs.properties()) {
            var actions = new TreeSet<String>();
            entry.getValue().forEach(action -> actions.add(action.asString()));
            granted.put(queues.get(entry.getKey()), actions);
        }
        return granted;
    }
}
