package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.ShopifySimulator;

/**
 * 300 concurrent 4 MB posts, half without a signature and half with a wrong one, against the service in its
 * own JVM with the image's heap, while Shopify's real (small, signed) webhooks keep arriving. Unsigned requests are
 * refused before their body is read, and bodies whose signature is still unknown share a bounded budget, so
 * the heap holds and the real webhooks are still acknowledged.
 */
@Tag("reliability")
// Saturates both cores by design: run alone (service/pom.xml), not beside another scenario.
@Tag("exclusive")
class WebhookFloodIT {

    private static final int FLOOD = 300;
    private static final byte[] FOUR_MEGABYTES = new byte[4 * 1024 * 1024];

    @Test
    void unsignedFloodCannotExhaustTheHeapNorStarveSignedWebhooks() throws Exception {
        java.util.Arrays.fill(FOUR_MEGABYTES, (byte) 'x');
        try (var database = PostgresServers.primaryOnly();
                var sqs = new SqsServer();
                ShopifySimulator shopify = ReliabilityFixtures.shopify();
                var service = ServiceProcess.start(
                        "flood-service", database, sqs, shopify, ServiceProcess.IMAGE_HEAP, List.of())) {
            var http = HttpClient.newBuilder()
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Map<String, AtomicInteger> floodAnswers = new ConcurrentHashMap<>();
            var flooding = new AtomicBoolean(true);
            List<Long> validMillis = Collections.synchronizedList(new ArrayList<>());
            List<Integer> validStatuses = Collections.synchronizedList(new ArrayList<>());

            Thread valid = Thread.ofVirtual().start(() -> {
                while (flooding.get() || validMillis.size() < 50) {
                    byte[] body = HostileWebhookCases.shopifyOrder(9_100_000_000L + validMillis.size());
                    long started = System.nanoTime();
                    int status = send(http, service.port(), body, HostileWebhookCases.sign(body));
                    validMillis.add((System.nanoTime() - started) / 1_000_000);
                    validStatuses.add(status);
                }
            });
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < FLOOD; i++) {
                    String signature = i % 2 == 0 ? null : "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
                    executor.submit(() -> {
                        int status = send(http, service.port(), FOUR_MEGABYTES, signature);
                        floodAnswers
                                .computeIfAbsent(String.valueOf(status), s -> new AtomicInteger())
                                .incrementAndGet();
                    });
                }
            }
            flooding.set(false);
            valid.join(Duration.ofSeconds(60));

            Collections.sort(validMillis);
            long p99 = validMillis.get((int) Math.ceil(validMillis.size() * 0.99) - 1);
            System.out.printf(
                    "webhook flood: answers %s; %d signed webhooks during the flood, statuses %s, p50 %d ms, p99 %d ms%n",
                    floodAnswers,
                    validMillis.size(),
                    new java.util.TreeSet<>(validStatuses),
                    validMillis.get(validMillis.size() / 2),
                    p99);

            assertThat(service.isAlive()).as("the service survived").isTrue();
            assertThat(Files.readString(service.log())).doesNotContain("OutOfMemoryError");
            assertThat(floodAnswers.keySet())
                    .as("only refusals, and 503 (Retry-After) when the body budget is full; -1 = connection closed")
                    .isSubsetOf("401", "503", "-1");
            assertThat(floodAnswers.get("401")).as("unsigned requests refused").isNotNull();
            assertThat(validStatuses)
                    .as("signed webhooks acknowledged during the flood")
                    .containsOnly(200);
        }
    }

    /** @return the status, or -1 when the server closed the connection before answering */
    private static int send(HttpClient http, int port, byte[] body, String signature) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/shopify"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", ReliabilityFixtures.WEBHOOK_SHOP)
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Shopify-Hmac-Sha256", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
