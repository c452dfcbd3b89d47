package org.orderbridge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderbridge.platform.EmbeddedServices;
import org.orderbridge.reconcile.ReconcileFixtures;
import org.orderbridge.subscription.SubscriptionFixtures;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An end-to-end test on the embedded services, over real HTTP, with the real Shopify client talking to the
 * simulator. All such tests share one application context, so PostgreSQL, the SQS server and the simulator
 * start once per test run. Shopify retries and circuit waits are short, so that a test's outage is over
 * within a second of its end; the queue's redelivery backoff still spans several attempts. Every shop's webhook
 * subscriptions are created at start; each instance looks for shops due a check twice a second, and a check cut
 * short by a database outage is taken over after 15 s. Every trace is sampled, and the spans of the traces a test
 * starts are kept in memory ({@link TracingFixtures}). The tests reach the context through {@link EndToEndFixtures}
 * and the features' fixtures bound to it, and the simulator's faults are cleared after each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orderbridge.embedded.fault-proxies=true",
            "orderbridge.webhook.retry.initial-backoff=1s",
            "orderbridge.shopify.retry.max-attempts=2",
            "orderbridge.shopify.retry.base-interval=20ms",
            "orderbridge.shopify.retry.max-interval=100ms",
            "orderbridge.shopify.circuit-breaker.wait-in-open-state=500ms",
            // Tests run their passes themselves (ReconciliationTest); a scheduled one would touch every test's orders.
            "orderbridge.reconciliation.enabled=false",
            "orderbridge.backfill.worker-interval=100ms",
            "orderbridge.backfill.poll-interval=100ms",
            "orderbridge.subscriptions.callback-url=" + SubscriptionFixtures.TARGET,
            "orderbridge.subscriptions.poll-interval=500ms",
            "orderbridge.subscriptions.lease=15s",
            // A HELD shipment asks Shopify again within a test's patience.
            "orderbridge.shipment.held-recheck-interval=1s",
            "orderbridge.shipment.locations[ob-test.myshopify.com].WH-NORTH=gid://shopify/Location/2",
            // Every trace is kept; a test reads the spans of its own traces (TracingFixtures).
            "management.tracing.sampling.probability=1.0"
        })
@Tag("end-to-end")
@AutoConfigureTestRestTemplate
@Import({EmbeddedServices.class, EndToEndFixtures.class, TracingFixtures.class, ReconcileFixtures.Passes.class})
@ExtendWith(EndToEndFixtures.ShopifyRepair.class)
@ActiveProfiles("local")
public @interface OrderBridgeTest {}
