package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.reliability.ReliabilityFixtures.PUSH_VISIBILITY_SECONDS;
import static org.orderbridge.reliability.ReliabilityFixtures.WEBHOOK_VISIBILITY_SECONDS;
import static org.orderbridge.reliability.ReliabilityFixtures.assertNothingLostNothingDuplicated;
import static org.orderbridge.reliability.ReliabilityFixtures.awaitSettled;
import static org.orderbridge.reliability.ReliabilityFixtures.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.reliability.SqsTap.Event;
import org.orderbridge.shopify.simulator.ShopifySimulator;

/**
 * Three instances (separate JVMs) on one PostgreSQL, one SQS server and the simulator, each under webhook and intake
 * load and pushing; one is killed with SIGKILL mid-load. Each instance reaches SQS through its own {@link SqsTap}, so
 * the test knows which instance sent, received, put back and deleted which message.
 */
@Tag("reliability")
class ScaleOutIT {

    private static final String WEBHOOKS = "orderbridge-webhooks";
    private static final String PUSH = "orderbridge-push";
    private static final int INSTANCES = 3;
    private static final int VICTIM = 1;

    @Test
    void threeInstancesShareTheWorkAndSurvivorsFinishWhatAKilledOneHadInFlight() throws Exception {
        try (var database = PostgresServers.primaryOnly();
                var sqs = new SqsServer();
                ShopifySimulator shopify = ReliabilityFixtures.shopify()) {
            List<SqsTap> taps = new ArrayList<>();
            List<ServiceProcess> services = new ArrayList<>();
            List<Traffic> traffic = new ArrayList<>();
            try {
                for (int i = 0; i < INSTANCES; i++) {
                    taps.add(new SqsTap("scale-" + i, sqs.serviceEndpoint()));
                }
                services.addAll(startAll(database, taps, shopify));
                var stored = new Stored(database.primaryPort());
                // One client per route and instance: three instances and the stand-ins share two cores with the test.
                services.forEach(service -> traffic.add(Traffic.start(service.port(), 1)));

                // Every instance acknowledges, processes webhooks and pushes before one dies.
                traffic.forEach(t -> t.awaitAcknowledged(10, 10, Duration.ofSeconds(90)));
                await("every instance processing both queues")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(taps.stream()
                                        .map(tap -> List.of(tap.count("delete", WEBHOOKS), tap.count("delete", PUSH))))
                                .as("webhook and push messages done per instance")
                                .allMatch(done -> done.getFirst() >= 3 && done.getLast() >= 3));

                services.get(VICTIM).crash();
                Instant crashed = Instant.now();
                traffic.get(VICTIM).close();
                for (int i = 0; i < INSTANCES; i++) {
                    if (i != VICTIM) {
                        Traffic survivor = traffic.get(i);
                        survivor.awaitAcknowledged(
                                survivor.acknowledgedWebhooks().size() + 10,
                                survivor.acceptedOrders().size() + 10,
                                Duration.ofSeconds(60));
                    }
                }
                for (Traffic t : traffic) {
                    t.close();
                }

                Map<String, Long> webhooks = new HashMap<>();
                Map<String, String> orders = new HashMap<>();
                traffic.forEach(t -> {
                    webhooks.putAll(t.acknowledgedWebhooks());
                    orders.putAll(t.acceptedOrders());
                });
                awaitSettled(webhooks.keySet(), stored, Duration.ofSeconds(120));

                assertThat(traffic.stream().flatMap(t -> t.answers().stream()))
                        .as("every answer a 2xx, a 503 with Retry-After, or none from the dead instance")
                        .allMatch(Traffic.Answer::acceptable);
                assertNothingLostNothingDuplicated(webhooks, orders, stored, sqs, shopify);

                var figures = new LinkedHashMap<String, Object>();
                perInstanceWork(taps, traffic, figures);
                relayBatchesDisjoint(taps, services, crashed, figures);
                survivorsFinishedWhatTheVictimHadInFlight(taps, crashed, figures);
                figures.put("webhooksAcknowledged", webhooks.size());
                figures.put("ordersAccepted", orders.size());
                figures.put(
                        "shopifyOrders",
                        shopify.store().orders(ReliabilityFixtures.PUSH_SHOP).size());
                record("scale-out", figures);
            } finally {
                for (Traffic t : traffic) {
                    t.close();
                }
                for (ServiceProcess service : services) {
                    service.close();
                }
                taps.forEach(SqsTap::close);
            }
        }
    }

    /** Starts the instances side by side: one after the other would take three times as long. */
    private static List<ServiceProcess> startAll(PostgresServers database, List<SqsTap> taps, ShopifySimulator shopify)
            throws Exception {
        try (var starter = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ServiceProcess>> starting = new ArrayList<>();
            for (SqsTap tap : taps) {
                Callable<ServiceProcess> start = () ->
                        ServiceProcess.start(tap.name(), database, tap.endpoint(), shopify, Duration.ofMinutes(5));
                starting.add(starter.submit(start));
            }
            List<ServiceProcess> started = new ArrayList<>();
            for (Future<ServiceProcess> future : starting) {
                started.add(future.get());
            }
            return started;
        }
    }

    /** Every instance acknowledged, processed webhooks, relayed the outbox and pushed. */
    private static void perInstanceWork(List<SqsTap> taps, List<Traffic> traffic, Map<String, Object> figures) {
        for (int i = 0; i < INSTANCES; i++) {
            SqsTap tap = taps.get(i);
            var work = new LinkedHashMap<String, Long>();
            work.put("webhooksAcknowledged", (long)
                    traffic.get(i).acknowledgedWebhooks().size());
            work.put("ordersAccepted", (long) traffic.get(i).acceptedOrders().size());
            work.put("webhookMessagesProcessed", tap.count("delete", WEBHOOKS));
            work.put("pushRequestsRelayed", tap.count("send", PUSH));
            work.put("pushMessagesDone", tap.count("delete", PUSH));
            assertThat(work.values()).as("work of %s: %s", tap.name(), work).allMatch(n -> n > 0);
            figures.put(tap.name() + (i == VICTIM ? " (killed)" : ""), work);
        }
    }

    /**
     * The relay's batches are disjoint: a push request is sent to the queue once, unless its first send is known not to
     * have been committed. Either the killed instance sent it and died before its transaction deleted the row, or the
     * sender's pass gave up waiting for SQS (its send timeout) and rolled back although SQS took the batch; then the
     * row is sent again by whichever instance claims it next.
     */
    private static void relayBatchesDisjoint(
            List<SqsTap> taps, List<ServiceProcess> services, Instant crashed, Map<String, Object> figures)
            throws java.io.IOException {
        Map<String, List<Sent>> sends = new HashMap<>();
        for (int i = 0; i < INSTANCES; i++) {
            for (Event event : taps.get(i).events()) {
                if (event.action().equals("send") && event.queue().equals(PUSH)) {
                    sends.computeIfAbsent(event.message(), m -> new ArrayList<>())
                            .add(new Sent(i, event.at()));
                }
            }
        }
        List<List<Instant>> failedPasses = new ArrayList<>();
        for (ServiceProcess service : services) {
            failedPasses.add(java.nio.file.Files.readAllLines(service.log()).stream()
                    .filter(line -> line.contains("Outbox relay pass failed"))
                    .map(line -> Instant.parse(line.substring(0, line.indexOf(' '))))
                    .toList());
        }
        int afterCrash = 0;
        int afterTimeout = 0;
        for (var entry : sends.entrySet()) {
            List<Sent> sent = entry.getValue();
            sent.sort(Comparator.comparing(Sent::at));
            for (int n = 1; n < sent.size(); n++) {
                Sent earlier = sent.get(n - 1);
                boolean crash = earlier.instance() == VICTIM && sent.get(n).at().isAfter(crashed);
                // The pass logs its failure when its wait ends; SQS's late answer reaches the tap about then.
                boolean timedOut = failedPasses.get(earlier.instance()).stream()
                        .anyMatch(failed ->
                                Duration.between(failed, earlier.at()).abs().compareTo(Duration.ofSeconds(3)) <= 0);
                assertThat(crash || timedOut)
                        .as(
                                "push request %s sent again by instance %d at %s; earlier by instance %d at %s, neither"
                                        + " killed since nor a failed pass",
                                entry.getKey(),
                                sent.get(n).instance(),
                                sent.get(n).at(),
                                earlier.instance(),
                                earlier.at())
                        .isTrue();
                if (crash) {
                    afterCrash++;
                } else {
                    afterTimeout++;
                }
            }
        }
        figures.put("pushRequestsRelayed", sends.size());
        figures.put("sentAgainAfterTheCrash", afterCrash);
        figures.put("sentAgainAfterATimedOutPass", afterTimeout);
    }

    /**
     * What the killed instance had received and not finished when it died comes back to the survivors once its
     * visibility timeout runs out (sooner only if the instance had put it back itself), and they finish it.
     */
    private static void survivorsFinishedWhatTheVictimHadInFlight(
            List<SqsTap> taps, Instant crashed, Map<String, Object> figures) {
        Map<String, Event> lastReceiveBeforeCrash = new HashMap<>();
        Map<String, Integer> lastReceiver = new HashMap<>();
        var deletedBeforeCrash = new java.util.HashSet<String>();
        var putBackByVictim = new java.util.HashSet<String>();
        for (int i = 0; i < INSTANCES; i++) {
            for (Event event : taps.get(i).events()) {
                if (!event.at().isBefore(crashed)) {
                    continue;
                }
                switch (event.action()) {
                    case "receive" -> {
                        Event last = lastReceiveBeforeCrash.get(event.message());
                        if (last == null || event.at().isAfter(last.at())) {
                            lastReceiveBeforeCrash.put(event.message(), event);
                            lastReceiver.put(event.message(), i);
                        }
                    }
                    case "delete" -> deletedBeforeCrash.add(event.message());
                    case "visibility" -> {
                        if (i == VICTIM) {
                            putBackByVictim.add(event.message());
                        }
                    }
                    default -> {}
                }
            }
        }
        List<Event> inFlight = lastReceiveBeforeCrash.values().stream()
                .filter(e -> lastReceiver.get(e.message()) == VICTIM && !deletedBeforeCrash.contains(e.message()))
                .toList();
        assertThat(inFlight).as("messages the killed instance had in flight").isNotEmpty();

        var delays = new ArrayList<Long>();
        for (Event held : inFlight) {
            Event taken = survivorEvents(taps, "receive", held.message()).stream()
                    .filter(e -> e.at().isAfter(crashed))
                    .min(Comparator.comparing(Event::at))
                    .orElse(null);
            assertThat(taken)
                    .as("%s message %s, in flight at the crash, received by a survivor", held.queue(), held.message())
                    .isNotNull();
            assertThat(survivorEvents(taps, "delete", held.message()))
                    .as("%s message %s finished by a survivor", held.queue(), held.message())
                    .isNotEmpty();
            if (!putBackByVictim.contains(held.message())) {
                int visibility = held.queue().equals(PUSH) ? PUSH_VISIBILITY_SECONDS : WEBHOOK_VISIBILITY_SECONDS;
                // ElasticMQ counts the timeout from the receive; a second of slack for its clock and the tap's.
                assertThat(taken.at())
                        .as(
                                "%s message %s taken again no sooner than its visibility timeout",
                                held.queue(), held.message())
                        .isAfterOrEqualTo(held.at().plusSeconds(visibility - 1));
            }
            delays.add(Duration.between(crashed, taken.at()).toMillis());
        }
        figures.put(
                "inFlightAtCrash",
                inFlight.stream()
                        .collect(Collectors.groupingBy(Event::queue, java.util.TreeMap::new, Collectors.counting())));
        figures.put(
                "retakenAfterCrashMsMax",
                delays.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static List<Event> survivorEvents(List<SqsTap> taps, String action, String message) {
        var found = new ArrayList<Event>();
        for (int i = 0; i < INSTANCES; i++) {
            if (i != VICTIM) {
                taps.get(i).events().stream()
                        .filter(e -> e.action().equals(action) && e.message().equals(message))
                        .forEach(found::add);
            }
        }
        return found;
    }

    private record Sent(int instance, Instant at) {}
}
