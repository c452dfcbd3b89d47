package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** What the ALB target group sees. */
@OrderBridgeTest
class HealthTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    EmbeddedFaults faults;

    @Test
    void reportsUpWithoutDetailsToAnonymousCallers() {
        var response = rest.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .contains("\"status\":\"UP\"")
                .doesNotContain("components")
                .doesNotContain("db");
    }

    @Test
    void takesInstanceOutOfServiceWhileDatabaseIsUnreachableAndBackWithoutRestart() {
        faults.database().cut();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> status("/actuator/health/readiness") == 503);
            assertThat(status("/actuator/health")).isEqualTo(503);
            // The process itself is fine: restarting it would not bring the database back.
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        } finally {
            faults.database().restore();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> status("/actuator/health/readiness") == 200);
    }

    @Test
    void takesInstanceOutOfServiceWhileSqsIsUnreachable() {
        faults.sqs().cut();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> status("/actuator/health/readiness") == 503);
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        } finally {
            faults.restoreSqsAndAwaitOrphanedPolls();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> status("/actuator/health/readiness") == 200);
    }

    private int status(String path) {
        return rest.getForEntity(path, String.class).getStatusCode().value();
    }
}
