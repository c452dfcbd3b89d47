package org.orderbridge;

import org.orderbridge.platform.EmbeddedServices;
import org.springframework.boot.SpringApplication;

/**
 * The local run: {@code ./mvnw spring-boot:test-run} starts OrderBridge on a real embedded PostgreSQL, an
 * embedded SQS-compatible server and the Shopify simulator; no Docker, no cloud account.
 */
public class TestOrderBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.from(OrderBridgeApplication::main)
                .with(EmbeddedServices.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
