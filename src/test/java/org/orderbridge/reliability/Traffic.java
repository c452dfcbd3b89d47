package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.reliability.ReliabilityFixtures.WEBHOOK_SECRET;
import static org.orderbridge.reliability.ReliabilityFixtures.WEBHOOK_SHOP;
import static org.orderbridge.reliability.ReliabilityFixtures.pause;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.webhook.WebhookFixtures;
import tools.jackson.databind.ObjectMapper;

/**
 * Steady load on both write paths, each client retrying what was not acknowledged as Shopify and a
 * well-behaved API client do. Records every answer and what was acknowledged.
 */
final class Traffic implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Route {
        WEBHOOK,
        INTAKE
    }

    /** One HTTP exchange; status 0 when the service did not answer at all. */
    record Answer(Route route, Instant sent, Instant received, int status, String retryAfter) {

        /** Acknowledged, no answer at all (the JVM is down), or a retryable refusal that says when. */
        boolean acceptable() {
            return status == 0 || status / 100 == 2 || ((status == 503 || status == 429) && retryAfter != null);
        }
    }

    /** Steady rather than saturating: the suite shares two cores with the service and the servers. */
    private static final Duration PACE = Duration.ofMillis(50);

    private final int port;
    private final Map<String, Long> acknowledgedWebhooks = new ConcurrentHashMap<>();
    private final Map<String, String> acceptedOrders = new ConcurrentHashMap<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();
    private final AtomicLong shopifyIds = new AtomicLong(7_000_000_000L + (System.nanoTime() & 0xFFFFFFL) * 1000);
    private volatile boolean running = true;

    private Traffic(int port) {
        this.port = port;
    }

    static Traffic start(int port) {
        return start(port, 2);
    }

    /** With this many webhook senders and as many intake clients. */
    static Traffic start(int port, int clientsPerRoute) {
        var traffic = new Traffic(port);
        for (int i = 0; i < clientsPerRoute; i++) {
            traffic.clients.add(
                    Thread.ofPlatform().daemon().name("webhook-sender-" + i).start(traffic::sendWebhooks));
            traffic.clients.add(
                    Thread.ofPlatform().daemon().name("intake-client-" + i).start(traffic::placeOrders));
        }
        return traffic;
    }

    private void sendWebhooks() {
        while (running) {
            long shopifyId = shopifyIds.incrementAndGet();
            String webhookId = UUID.randomUUID().toString();
            byte[] body = WebhookFixtures.order(shopifyId, Instant.parse("2026-11-20T10:00:00Z"), "reliability")
                    .getBytes(StandardCharsets.UTF_8);
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/shopify"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", "orders/create")
                    .header("X-Shopify-Shop-Domain", WEBHOOK_SHOP)
                    .header("X-Shopify-Webhook-Id", webhookId)
                    .header("X-Shopify-API-Version", "2026-10")
                    .header("X-Shopify-Hmac-Sha256", HostileWebhookCases.sign(body, WEBHOOK_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            if (sendUntilAccepted(Route.WEBHOOK, request) != null) {
                acknowledgedWebhooks.put(webhookId, shopifyId);
            }
            pause(PACE);
        }
    }

    private void placeOrders() {
        while (running) {
            String externalId = "rel-" + UUID.randomUUID();
            byte[] body = json(PushFixtures.orderRequest(externalId, "ada@example.com"));
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", PushFixtures.WRITE_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            String response = sendUntilAccepted(Route.INTAKE, request);
            if (response != null) {
                acceptedOrders.put(externalId, readId(response));
            }
            pause(PACE);
        }
    }

    /** The response body once the request is acknowledged (2xx); null when traffic stopped first. */
    private String sendUntilAccepted(Route route, HttpRequest request) {
        while (running) {
            Instant sent = Instant.now();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(
                        route,
                        sent,
                        Instant.now(),
                        response.statusCode(),
                        response.headers().firstValue("Retry-After").orElse(null)));
                if (response.statusCode() / 100 == 2) {
                    return response.body();
                }
            } catch (IOException e) {
                answers.add(new Answer(route, sent, Instant.now(), 0, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause(Duration.ofMillis(200));
        }
        return null;
    }

    Map<String, Long> acknowledgedWebhooks() {
        return Map.copyOf(acknowledgedWebhooks);
    }

    Map<String, String> acceptedOrders() {
        return Map.copyOf(acceptedOrders);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    List<Answer> answers(Route route) {
        return answers.stream().filter(a -> a.route() == route).toList();
    }

    /** Waits until the clients have acknowledgements again, so that a scenario starts under real load. */
    void awaitAcknowledged(int webhooks, int orders, Duration timeout) {
        await("steady load")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(acknowledgedWebhooks.size())
                            .as("webhooks acknowledged")
                            .isGreaterThanOrEqualTo(webhooks);
                    assertThat(acceptedOrders.size()).as("orders accepted").isGreaterThanOrEqualTo(orders);
                });
    }

    /** Whether a request on the route sent after {@code since} got this status. */
    boolean answeredSince(Route route, Instant since, int status) {
        return answers(route).stream().anyMatch(a -> a.sent().isAfter(since) && a.status() == status);
    }

    Optional<Instant> firstAcceptedAfter(Route route, Instant instant) {
        return answers.stream()
                .filter(a -> a.route() == route
                        && a.status() / 100 == 2
                        && a.received().isAfter(instant))
                .map(Answer::received)
                .min(Comparator.naturalOrder());
    }

    /** Stops the clients; a request still unacknowledged is abandoned and not expected anywhere. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(15));
        }
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    private static String readId(String body) {
        return JSON.readTree(body).path("id").asString();
    }
}
