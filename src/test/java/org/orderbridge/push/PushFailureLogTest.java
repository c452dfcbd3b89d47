package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

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
    TestRestTemplate rest;

    @Autowired
    ShopifySimulator shopify;

    @Autowired
    JdbcTemplate jdbc;

    /** Everything the service logs during the test, as its console shows it (Spring Boot's pattern, stacks too). */
    private final List<String> logged = new CopyOnWriteArrayList<>();

    private final AppenderBase<ILoggingEvent> console = new AppenderBase<>() {
        private final PatternLayout layout = new PatternLayout();

        @Override
        public void start() {
            layout.setContext(getContext());
            layout.setPattern(
                    "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p 4242 --- [orderbridge] [%15.15t] %-40.40logger{39} : %m%n%ex");
            layout.start();
            super.start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            logged.add(layout.doLayout(event));
        }
    };

    @BeforeEach
    void captureLog() {
        var root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        console.setContext(root.getLoggerContext());
        console.start();
        root.addAppender(console);
    }

    @AfterEach
    void repairShopify() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(console);
        shopify.faults().clear();
    }

    @Test
    void failedPushesLogOneWarnLineEachWithOrderShopAttemptAndCause() {
        shopify.faults().forShop(SHOP).nextFor("orderCreate", Integer.MAX_VALUE, Fault.serverError(503));
        List<String> ids = IntStream.range(0, FAILED_PUSHES)
                .parallel()
                .mapToObj(i -> PushFixtures.accept(rest, "log-" + i + "@example.com", SHOP))
                .toList();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> failedAttempts(String.join("", logged)).size() >= FAILED_PUSHES);
        String text = String.join("", logged);

        List<String> lines = text.lines().toList();
        List<String> failed = failedAttempts(text);
        assertThat(failed).allSatisfy(line -> assertThat(ids).anyMatch(line::contains));
        assertThat(failed).anyMatch(line -> line.contains("attempt 1 of 8"));
        assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.contains("ERROR"));
        // Every line was about a failed push, bar a few from the rest of the service meanwhile.
        assertThat(lines.size()).isLessThanOrEqualTo(failed.size() + 20);
        assertThat(text.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(failed.size() * MAX_BYTES_PER_FAILED_PUSH);

        shopify.faults().clear();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> pushed(ids) == ids.size());
    }

    private static List<String> failedAttempts(String logged) {
        return logged.lines().filter(FAILED_ATTEMPT.asPredicate()).toList();
    }

    private int pushed(List<String> ids) {
        return jdbc.queryForObject(
                "select count(*) from shop_order where status = 'PUSHED' and id = any(?)", Integer.class, (Object)
                        ids.stream().map(UUID::fromString).toArray(UUID[]::new));
    }
}
