package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/** Which failed attempts get a WARN line, and which an ERROR with the stack. */
@Tag("unit")
class FailedAttemptsTest {

    private final Logger log = (Logger) LoggerFactory.getLogger("failed-attempts-test");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        log.addAppender(appender);
    }

    @AfterEach
    void release() {
        log.detachAppender(appender);
    }

    @Test
    void expectedFailureBeforeTheLastAttemptIsOneWarnLineWithTheRootCause() {
        var failure = new IllegalStateException("Shopify unavailable", new ConnectException("Connection refused"));

        RuntimeException thrown =
                FailedAttempts.logged(log, "Push of order 42 (shop a.myshopify.com)", 3, 8, true, failure);

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .isEqualTo(
                            "Push of order 42 (shop a.myshopify.com) failed on attempt 3 of 8, retried later: "
                                    + "IllegalStateException: Shopify unavailable (cause: ConnectException: Connection refused)");
            assertThat(event.getThrowableProxy()).isNull();
        });
        assertThat(FailedAttempts.isLogged(thrown)).isTrue();
        assertThat(thrown.getCause()).isSameAs(failure);
    }

    @Test
    void rootCauseIsLeftOutWhenTheFailureSaysItAlready() {
        var failure = new IllegalStateException("gave up: HTTP 503", new IllegalStateException("HTTP 503"));

        assertThat(FailedAttempts.cause(failure)).isEqualTo("IllegalStateException: gave up: HTTP 503");
    }

    @Test
    void databaseOutageIsExpectedWhateverTheListenerKnows() {
        FailedAttempts.logged(log, "Webhook 1", 1, 6, false, new DataAccessResourceFailureException("gone"));

        assertThat(appender.list)
                .singleElement()
                .extracting(ILoggingEvent::getLevel)
                .isEqualTo(Level.WARN);
    }

    @Test
    void unexpectedFailureIsAnErrorWithItsStack() {
        FailedAttempts.logged(log, "Webhook 1", 1, 6, false, new NullPointerException("bug"));

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
    }

    @Test
    void lastAttemptBeforeTheDeadLetterQueueIsAnErrorWithItsStack() {
        FailedAttempts.logged(log, "Push of order 42", 8, 8, true, new IllegalStateException("Shopify unavailable"));

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("attempt 8 of 8, its last", "dead-letter queue");
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void failureLoggedOnceIsNotWrappedTwice() {
        RuntimeException once = FailedAttempts.alreadyLogged(new IllegalStateException("busy"));

        assertThat(FailedAttempts.alreadyLogged(once)).isSameAs(once);
        assertThat(FailedAttempts.isLogged(new RuntimeException("wrapped by the container", once)))
                .isTrue();
        assertThat(FailedAttempts.isLogged(new IllegalStateException("not logged")))
                .isFalse();
    }
}
