package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.ConnectException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessResourceFailureException;

/** Which failed attempts get a WARN line, and which an ERROR with the stack. */
@Tag("unit")
class FailedAttemptsTest {

    @RegisterExtension
    final LogCapture log = LogCapture.of("failed-attempts-test");

    @Test
    void expectedFailureBeforeTheLastAttemptIsOneWarnLineWithTheRootCause() {
        var failure = new IllegalStateException("Shopify unavailable", new ConnectException("Connection refused"));

        RuntimeException thrown =
                FailedAttempts.logged(log.logger(), "Push of order 42 (shop a.myshopify.com)", 3, 8, true, failure);

        assertThat(log.events()).singleElement().satisfies(event -> {
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
        FailedAttempts.logged(log.logger(), "Webhook 1", 1, 6, false, new DataAccessResourceFailureException("gone"));

        assertThat(log.events())
                .singleElement()
                .extracting(ILoggingEvent::getLevel)
                .isEqualTo(Level.WARN);
    }

    @Test
    void unexpectedFailureIsAnErrorWithItsStack() {
        FailedAttempts.logged(log.logger(), "Webhook 1", 1, 6, false, new NullPointerException("bug"));

        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
    }

    @Test
    void lastAttemptBeforeTheDeadLetterQueueIsAnErrorWithItsStack() {
        FailedAttempts.logged(
                log.logger(), "Push of order 42", 8, 8, true, new IllegalStateException("Shopify unavailable"));

        assertThat(log.events()).singleElement().satisfies(event -> {
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
