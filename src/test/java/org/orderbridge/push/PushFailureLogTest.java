package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.platform.LogCapture;
import org.orderbridge.shopify.simulator.Fault;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an operator reads while Shopify is down: one WARN line per failed push attempt that says which order of which
 * shop failed on which attempt and why, and no stack traces from the queue's listener pipeline.
 */
@OrderBridgeTest
class PushFailureLogTest {

    /** Only this test breaks this shop, so that other tests' orders are not caught in its outage. */
    private static final String SHOP = "failing-push.myshopify.com";

    // Each order has 8 attempts a second apart: all of them must be accepted and fail once before the first uses up its
    // last, also on a loaded machine, or it goes to the dead-letter queue and the test cannot see it pushed.
    private static final int FAILED_PUSHES = 30;
    /** One line per attempt is about 400 bytes as the console shows it; a stack trace alone is several thousand. */
    private static final int MAX_BYTES_PER_FAILED_PUSH = 600;

    private static final Pattern FAILED_ATTEMPT = Pattern.compile("WARN .*Push of order ([0-9a-f-]{36}) \\(shop "
            + Pattern.quote(SHOP) + "\\) failed on attempt (\\d+) of 8, retried later: .*Shopify");

    @Autowired
    EndToEndFixtures e2e;

    /** Everything the service logs during the test. */
    @RegisterExtension
    final LogCapture log = LogCapture.root();

    @Test
    void failedPushesLogOneWarnLineEachWithOrderShopAttemptAndCause() {
        e2e.shopify().faults().forShop(SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        List<String> ids = IntStream.range(0, FAILED_PUSHES)
                .parallel()
                .mapToObj(i -> e2e.accept("log-" + i + "@example.com", SHOP))
                .toList();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> failedAttempts(asTheConsoleShowsIt()).size() >= FAILED_PUSHES);
        String text = asTheConsoleShowsIt();

        List<String> lines = text.lines().toList();
        List<String> failed = failedAttempts(text);
        assertThat(failed).allSatisfy(line -> assertThat(ids).anyMatch(line::contains));
        assertThat(failed).anyMatch(line -> line.contains("attempt 1 of 8"));
        assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.contains("ERROR"));
        // Every line was about a failed push, bar a few from the rest of the service meanwhile.
        assertThat(lines.size()).isLessThanOrEqualTo(failed.size() + 20);
        assertThat(text.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(failed.size() * MAX_BYTES_PER_FAILED_PUSH);

        e2e.shopify().faults().clear();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> pushed(ids) == ids.size());
    }

    /** What was logged, as the service's console shows it: Spring Boot's pattern, stack traces included. */
    private String asTheConsoleShowsIt() {
        var layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(
                "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p 4242 --- [orderbridge] [%15.15t] %-40.40logger{39} : %m%n%ex");
        layout.start();
        return log.events().stream().map(layout::doLayout).collect(Collectors.joining());
    }

    private static List<String> failedAttempts(String logged) {
        return logged.lines().filter(FAILED_ATTEMPT.asPredicate()).toList();
    }

    private int pushed(List<String> ids) {
        return e2e.jdbc()
                .queryForObject(
                        "select count(*) from shop_order where status = 'PUSHED' and id = any(?)",
                        Integer.class,
                        (Object) ids.stream().map(UUID::fromString).toArray(UUID[]::new));
    }
}
