package org.orderbridge;

import java.security.Security;
import org.orderbridge.platform.database.SchemaMigration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrderBridgeApplication {

    public static void main(String[] args) {
        // RDS/Aurora failover moves the endpoint's DNS record; the JVM must not cache it for long.
        Security.setProperty("networkaddress.cache.ttl", "5");
        Security.setProperty("networkaddress.cache.negative.ttl", "1");
        if (SchemaMigration.requested(args)) {
            System.exit(SchemaMigration.run(args));
        }
        SpringApplication application = new SpringApplication(OrderBridgeApplication.class);
        // Diagnosis only (docs/benchmarks.md, "Start-up"): records each start-up step for /actuator/startup. Read
        // before the context exists, so it is an environment variable and not a configuration property.
        if (System.getenv("ORDERBRIDGE_STARTUP_STEPS") != null) {
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        application.run(args);
    }
}
