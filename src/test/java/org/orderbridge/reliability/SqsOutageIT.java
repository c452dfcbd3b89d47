package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.reliability.ReliabilityFixtures.assertNothingLostNothingDuplicated;
import static org.orderbridge.reliability.ReliabilityFixtures.awaitSettled;
import static org.orderbridge.reliability.ReliabilityFixtures.recordSettled;
import static org.orderbridge.reliability.ServiceProcess.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.reliability.Traffic.Route;
import org.orderbridge.shopify.simulator.ShopifySimulator;

/**
 * SQS becomes unreachable under load: the webhook endpoint must refuse (Shopify retries) rather than
 * acknowledge what it could not queue, and the listeners must pick up again once SQS is back.
 */
@Tag("reliability")
class SqsOutageIT {

    @Test
    void webhooksAreRefusedNeverAcknowledgedWhileSqsIsDownAndAllAcknowledgedAreProcessedOnce() throws Exception {
        try (var database = PostgresServers.primaryOnly();
                var sqs = new SqsServer();
                ShopifySimulator shopify = ReliabilityFixtures.shopify();
                var service = ServiceProcess.start("sqs-outage-service", database, sqs, shopify);
                var probe = new ReadinessProbe(service.port())) {
            var traffic = Traffic.start(service.port());
            var stored = new Stored(database.primaryPort());
            Instant cut;
            Instant restored;
            try (traffic) {
                traffic.awaitAcknowledged(20, 20, Duration.ofSeconds(60));

                sqs.network().cut();
                Instant cutAt = Instant.now();
                cut = cutAt;
                // The outage lasts until the service has shown what it owes during one: readiness 503, a webhook
                // refused rather than acknowledged, and an intake accepted all the same (its push waits in the
                // outbox).
                await("the service under an SQS outage")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> probe.wasUnreadyBetween(cutAt, Instant.now())
                                && traffic.answeredSince(Route.WEBHOOK, cutAt, 503)
                                && traffic.answeredSince(Route.INTAKE, cutAt, 201));
                sqs.network().restore();
                restored = Instant.now();

                traffic.awaitAcknowledged(
                        traffic.acknowledgedWebhooks().size() + 20,
                        traffic.acceptedOrders().size() + 10,
                        Duration.ofSeconds(60));
            }
            awaitSettled(traffic, stored, Duration.ofSeconds(90));

            var duringOutage = traffic.answers(Route.WEBHOOK).stream()
                    .filter(a -> a.sent().isAfter(cut) && a.received().isBefore(restored))
                    .toList();
            assertThat(duringOutage)
                    .as("webhooks answered during the outage")
                    .isNotEmpty()
                    .allMatch(a -> a.status() == 503 && a.retryAfter() != null);
            assertThat(traffic.answers())
                    .as("every answer a 2xx or a 503 with Retry-After")
                    .allMatch(Traffic.Answer::acceptable);
            assertThat(traffic.answers(Route.INTAKE))
                    .as("intake needs no SQS: the outbox holds its pushes")
                    .anyMatch(a -> a.status() == 201
                            && a.sent().isAfter(cut)
                            && a.received().isBefore(restored));
            assertThat(probe.wasUnreadyBetween(cut, restored))
                    .as("readiness 503 while SQS is down")
                    .isTrue();
            assertThat(readiness(service.port()))
                    .as("readiness after SQS returned")
                    .isEqualTo(200);
            assertNothingLostNothingDuplicated(traffic, stored, sqs, shopify);

            var figures = new LinkedHashMap<String, Object>();
            figures.put("outageMs", Duration.between(cut, restored).toMillis());
            figures.put("webhooks503DuringOutage", duringOutage.size());
            figures.put(
                    "restoreToFirstWebhookAckMs",
                    Duration.between(
                                    restored,
                                    traffic.firstAcceptedAfter(Route.WEBHOOK, restored)
                                            .orElseThrow())
                            .toMillis());
            figures.put(
                    "restoreToReadyMs",
                    Duration.between(restored, probe.firstReadyAfter(restored).orElseThrow())
                            .toMillis());
            recordSettled("sqs-outage", figures, traffic, shopify);
        }
    }
}
