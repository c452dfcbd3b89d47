package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.reliability.ReliabilityFixtures.SHOPIFY_TOKEN;
import static org.orderbridge.reliability.ReliabilityFixtures.WEBHOOK_SHOP;
import static org.orderbridge.reliability.ReliabilityFixtures.record;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.reconcile.BackfillFixtures;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A backfill of 20,000 orders through a bulk operation, by a service with the image's heap (the Dockerfile's
 * {@code -Xmx}) and which is killed while it applies the result: the new JVM resumes the same bulk operation from
 * the last checkpoint, and every order ends up stored once.
 */
@Tag("reliability")
class BackfillHeapIT {

    private static final int ORDERS = 20_000;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEAP_USED =
            Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);

    @Test
    void twentyThousandOrdersComeThroughABulkOperationInTheImagesHeapAcrossACrash() throws Exception {
        try (var database = PostgresServers.primaryOnly();
                var sqs = new SqsServer();
                ShopifySimulator shopify = ShopifySimulator.builder()
                        .port(0)
                        .shop(WEBHOOK_SHOP, SHOPIFY_TOKEN)
                        .costLimits(2000, 1000)
                        .start();
                var service = ServiceProcess.start(
                        "backfill-service",
                        database,
                        sqs,
                        shopify,
                        ServiceProcess.IMAGE_HEAP,
                        List.of(
                                "--orderbridge.backfill.worker-interval=200ms",
                                "--orderbridge.backfill.poll-interval=200ms",
                                "--orderbridge.backfill.lease=10s",
                                "--orderbridge.backfill.checkpoint-every=500",
                                // Every order stored must have come through the backfill.
                                "--orderbridge.reconciliation.enabled=false"))) {
            BackfillFixtures.ordersOnlyInShopify(shopify, WEBHOOK_SHOP, ORDERS);
            var stored = new Stored(database.primaryPort());
            Instant requested = Instant.now();

            HttpResponse<String> accepted = send(
                    service,
                    "POST",
                    "/api/v1/admin/shops/" + WEBHOOK_SHOP + "/backfill?since=" + requested.minus(Duration.ofDays(30)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            assertThat(JSON.readTree(accepted.body()).path("method").asString()).isEqualTo("BULK");

            var heapPeak = new AtomicLong();
            await("a first checkpoint of the result")
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        heapPeak.accumulateAndGet(heapUsed(service), Math::max);
                        return backfill(service, location).path("linesRead").asLong() >= 2_000;
                    });
            JsonNode atCrash = backfill(service, location);
            service.crash();
            long operationsAtCrash = BackfillFixtures.bulkOperationsStarted(shopify, WEBHOOK_SHOP);
            Instant crashed = Instant.now();
            assertThat(atCrash.path("state").asString())
                    .as("killed while applying the result")
                    .isEqualTo("RUNNING");
            long ordersAtCrash = stored.ordersPerShopifyId().size();

            service.restart();
            await("the backfill resumed after the crash")
                    .atMost(Duration.ofMinutes(15))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        heapPeak.accumulateAndGet(heapUsed(service), Math::max);
                        return !backfill(service, location)
                                .path("state")
                                .asString()
                                .equals("RUNNING");
                    });
            Instant finished = Instant.now();
            JsonNode done = backfill(service, location);

            assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(service.isAlive())
                    .as("no OutOfMemoryError took the JVM down")
                    .isTrue();
            Map<Long, Long> perShopifyId = stored.ordersPerShopifyId();
            assertThat(perShopifyId).as("every order stored").hasSize(ORDERS);
            assertThat(perShopifyId.values()).as("no order stored twice").allMatch(n -> n == 1);
            assertThat(BackfillFixtures.bulkOperationsStarted(shopify, WEBHOOK_SHOP))
                    .as("the resumed backfill read the same bulk operation, started none")
                    .isEqualTo(operationsAtCrash);
            assertThat(done.path("linesRead").asLong()).isEqualTo(2L * ORDERS);
            assertThat(done.at("/orders/seen").asLong())
                    .as("only what came after the last checkpoint was read again")
                    .isLessThan(ORDERS + 500L + 1);
            assertThat(done.at("/orders/created").asLong()
                            + done.at("/orders/current").asLong())
                    .isEqualTo(done.at("/orders/seen").asLong());

            var figures = new LinkedHashMap<String, Object>();
            figures.put("orders", ORDERS);
            figures.put("heap", ServiceProcess.IMAGE_HEAP);
            figures.put("heapUsedPeakMiB", heapPeak.get() / (1024 * 1024));
            figures.put("linesReadAtCrash", atCrash.path("linesRead").asLong());
            figures.put("ordersStoredAtCrash", ordersAtCrash);
            figures.put(
                    "crashToCompletedMs", Duration.between(crashed, finished).toMillis());
            figures.put(
                    "requestToCompletedMs",
                    Duration.between(requested, finished).toMillis());
            figures.put("ordersSeen", done.at("/orders/seen").asLong());
            figures.put("created", done.at("/orders/created").asLong());
            figures.put("current", done.at("/orders/current").asLong());
            record("backfill-20k-bulk", figures);
        }
    }

    private static JsonNode backfill(ServiceProcess service, String location) throws Exception {
        HttpResponse<String> response = send(service, "GET", location);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    /** Heap in use as the service reports it; 0 while it does not answer. */
    private static long heapUsed(ServiceProcess service) {
        try {
            HttpResponse<String> response = send(service, "GET", "/actuator/prometheus");
            long used = 0;
            Matcher matcher = HEAP_USED.matcher(response.body());
            while (matcher.find()) {
                used += (long) Double.parseDouble(matcher.group(1));
            }
            return used;
        } catch (Exception notAnswering) {
            return 0;
        }
    }

    private static HttpResponse<String> send(ServiceProcess service, String method, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-API-Key", PushFixtures.ADMIN_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
