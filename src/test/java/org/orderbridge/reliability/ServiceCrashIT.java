package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderbridge.reliability.ReliabilityFixtures.assertNothingLostNothingDuplicated;
import static org.orderbridge.reliability.ReliabilityFixtures.awaitSettled;
import static org.orderbridge.reliability.ReliabilityFixtures.recordSettled;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.reliability.Traffic.Route;
import org.orderbridge.shopify.simulator.ShopifySimulator;

/**
 * kill -9 of the service while it receives webhooks and intakes, processes webhooks and pushes orders to
 * Shopify; a new JVM takes over the same queues and database.
 */
@Tag("reliability")
class ServiceCrashIT {

    @Test
    void killedServiceLosesNothingAcknowledgedAndCreatesNoShopifyOrderTwice() throws Exception {
        try (var database = PostgresServers.primaryOnly();
                var sqs = new SqsServer();
                ShopifySimulator shopify = ReliabilityFixtures.shopify();
                var service = ServiceProcess.start("crash-service", database, sqs, shopify)) {
            var traffic = Traffic.start(service.port());
            var stored = new Stored(database.primaryPort());
            Instant crashed;
            Instant restarted;
            int shopifyOrdersAtCrash;
            try (traffic) {
                traffic.awaitAcknowledged(30, 30, Duration.ofSeconds(60));

                service.crash();
                crashed = Instant.now();
                shopifyOrdersAtCrash =
                        shopify.store().orders(ReliabilityFixtures.PUSH_SHOP).size();
                long pendingAtCrash = stored.ordersPerExternalId().values().stream()
                        .filter(list -> list.getFirst().status().equals("PENDING_PUSH"))
                        .count();
                assertThat(pendingAtCrash)
                        .as("pushes were in flight when the JVM died")
                        .isPositive();
                service.restart();
                restarted = Instant.now();

                traffic.awaitAcknowledged(
                        traffic.acknowledgedWebhooks().size() + 20,
                        traffic.acceptedOrders().size() + 20,
                        Duration.ofSeconds(60));
            }
            awaitSettled(traffic, stored, Duration.ofSeconds(90));

            assertThat(traffic.answers())
                    .as("every answer a 2xx, a 503 with Retry-After, or none while down")
                    .allMatch(Traffic.Answer::acceptable);
            assertNothingLostNothingDuplicated(traffic, stored, sqs, shopify);

            var figures = new LinkedHashMap<String, Object>();
            figures.put("crashToReadyMs", Duration.between(crashed, restarted).toMillis());
            figures.put(
                    "restartToFirstWebhookAckMs",
                    Duration.between(
                                    restarted,
                                    traffic.firstAcceptedAfter(Route.WEBHOOK, restarted)
                                            .orElseThrow())
                            .toMillis());
            figures.put("shopifyOrdersAtCrash", shopifyOrdersAtCrash);
            figures.put(
                    "unansweredWhileDown",
                    traffic.answers().stream().filter(a -> a.status() == 0).count());
            recordSettled("service-crash", figures, traffic, shopify);
        }
    }
}
