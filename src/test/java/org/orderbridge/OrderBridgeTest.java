package org.orderbridge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.orderbridge.platform.EmbeddedServices;
import org.orderbridge.push.PushFixtures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An end-to-end test on the embedded services, over real HTTP. All such tests share one application
 * context, so PostgreSQL and the SQS server start once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "orderbridge.embedded.fault-proxies=true", "orderbridge.webhook.retry.initial-backoff=1s" })
// Until the simulator is wired in: an in-memory ShopifyOrders instead of the client and its HTTP simulator.
@Import({ EmbeddedServices.class, PushFixtures.FakeShopifyConfiguration.class })
@ActiveProfiles("local")
public @interface OrderBridgeTest {
}
