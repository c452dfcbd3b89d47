package org.orderbridge.subscription;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.orderbridge.platform.EmbeddedServices;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The webhook subscription module with only what it depends on, the Shopify client and the platform, started on the
 * embedded services: its own schedule checks the simulator's shops, on a PostgreSQL whose schema Flyway creates. None of
 * the other features runs, so nothing but the upkeep writes to the simulator's subscriptions. The module's code uses
 * nothing of the platform's, so Spring Modulith would leave the platform out; it is included by name, since the service
 * runs on it and the embedded services are part of it. Every such test shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@Import(EmbeddedServices.class)
@ActiveProfiles("local")
@TestPropertySource(
        properties = {
            "orderbridge.subscriptions.callback-url=" + SubscriptionFixtures.TARGET,
            // A shop made due is checked within half a second.
            "orderbridge.subscriptions.poll-interval=500ms",
            // The shops of the other features start subscribed, as after an earlier run (EmbeddedServices).
            "orderbridge.embedded.fault-proxies=true",
            // Two quick attempts per call and a short open circuit: a failing check is over, and the next can reach
            // Shopify, within a second.
            "orderbridge.shopify.retry.max-attempts=2",
            "orderbridge.shopify.retry.base-interval=20ms",
            "orderbridge.shopify.retry.max-interval=100ms",
            "orderbridge.shopify.circuit-breaker.wait-in-open-state=500ms",
            // The readiness group names the webhook queue's indicator, which belongs to a module left out here.
            "management.endpoint.health.validate-group-membership=false"
        })
@Tag("end-to-end")
@interface SubscriptionModuleTest {}
