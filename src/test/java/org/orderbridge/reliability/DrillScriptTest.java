package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The resilience drill's proof (bench/drill.py: what counts as lost, duplicated, the RTO windows, the PostgreSQL rows)
 * is Python beside the other load scripts; its own tests run here so that a change to it cannot pass the build
 * unchecked. Takes about 2 s (two short runs against a stand-in service).
 */
@Tag("unit")
class DrillScriptTest {

    @Test
    void drillScriptsOwnTestsPass() throws IOException, InterruptedException {
        Process tests = new ProcessBuilder("python3", "-m", "unittest", "bench/test_drill.py")
                .redirectErrorStream(true)
                .start();
        boolean finished = tests.waitFor(60, TimeUnit.SECONDS);
        String output = new String(tests.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished)
                .as("python3 -m unittest bench/test_drill.py finished")
                .isTrue();
        assertThat(tests.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}
