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
 * The primary dies under load and its synchronous standby is promoted; the service, connected through a
 * multi-host URL with targetServerType=primary, carries on without a restart.
 */
@Tag("reliability")
class DatabaseFailoverIT {

    @Test
    void primaryFailoverUnderLoadLosesNoAcknowledgedWriteAndNeedsNoRestart() throws Exception {
        try (var database = PostgresServers.primaryWithSynchronousStandby();
                var sqs = new SqsServer();
                ShopifySimulator shopify = ReliabilityFixtures.shopify();
                var service = ServiceProcess.start("failover-service", database, sqs, shopify);
                var probe = new ReadinessProbe(service.port())) {
            long pid = service.pid();
            var traffic = Traffic.start(service.port());
            var stored = new Stored(database.standbyPort());
            Instant killed;
            Instant promoted;
            long backlogAtPromotion;
            try (traffic) {
                traffic.awaitAcknowledged(20, 20, Duration.ofSeconds(60));

                database.killPrimary();
                Instant killedAt = Instant.now();
                killed = killedAt;
                // Promoted once the service has shown what it owes without a primary: readiness 503 (the ALB takes
                // it out of service), intakes refused with 503, webhooks still acknowledged.
                await("the service without a primary")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> probe.wasUnreadyBetween(killedAt, Instant.now())
                                && traffic.answeredSince(Route.INTAKE, killedAt, 503)
                                && traffic.answeredSince(Route.WEBHOOK, killedAt, 200));
                database.promoteStandby();
                promoted = Instant.now();
                backlogAtPromotion = traffic.acknowledgedWebhooks().size()
                        - stored.processedWebhooks(
                                traffic.acknowledgedWebhooks().keySet());

                traffic.awaitAcknowledged(
                        traffic.acknowledgedWebhooks().size() + 20,
                        traffic.acceptedOrders().size() + 20,
                        Duration.ofSeconds(60));
            }
            awaitSettled(traffic, stored, Duration.ofSeconds(90));

            assertThat(service.isAlive()).as("service survived").isTrue();
            assertThat(service.pid()).as("same JVM, never restarted").isEqualTo(pid);
            assertThat(probe.wasUnreadyBetween(killed, promoted))
                    .as("readiness 503 while no primary")
                    .isTrue();
            assertThat(readiness(service.port()))
                    .as("readiness after promotion")
                    .isEqualTo(200);
            assertThat(traffic.answers())
                    .as("every answer a 2xx or a 503 with Retry-After")
                    .allMatch(Traffic.Answer::acceptable);
            assertThat(traffic.answers(Route.INTAKE))
                    .as("intakes refused during the outage")
                    .anyMatch(a -> a.status() == 503);
            assertNothingLostNothingDuplicated(traffic, stored, sqs, shopify);

            var figures = new LinkedHashMap<String, Object>();
            figures.put(
                    "promotionToFirstIntakeMs",
                    Duration.between(
                                    promoted,
                                    traffic.firstAcceptedAfter(Route.INTAKE, promoted)
                                            .orElseThrow())
                            .toMillis());
            figures.put(
                    "promotionToReadyMs",
                    Duration.between(promoted, probe.firstReadyAfter(promoted).orElseThrow())
                            .toMillis());
            figures.put("primaryDownMs", Duration.between(killed, promoted).toMillis());
            figures.put(
                    "webhooksAcknowledgedWhilePrimaryDown",
                    traffic.answers(Route.WEBHOOK).stream()
                            .filter(a -> a.status() == 200
                                    && a.received().isAfter(killed)
                                    && a.received().isBefore(promoted))
                            .count());
            figures.put("webhookBacklogAtPromotion", backlogAtPromotion);
            figures.put(
                    "intake503",
                    traffic.answers(Route.INTAKE).stream()
                            .filter(a -> a.status() == 503)
                            .count());
            recordSettled("database-failover", figures, traffic, shopify);
        }
    }
}
