package org.orderbridge.platform;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What a logger and the loggers below it log during each test of the class that registers this
 * ({@code @RegisterExtension}). Events may come from any thread, and are kept as they were when logged, so that they
 * can be read while more arrive and laid out later.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    };

    private LogCapture(org.slf4j.Logger logger) {
        this.logger = (Logger) logger;
    }

    public static LogCapture of(Class<?> type) {
        return new LogCapture(LoggerFactory.getLogger(type));
    }

    public static LogCapture of(String name) {
        return new LogCapture(LoggerFactory.getLogger(name));
    }

    /** Everything the service logs. */
    public static LogCapture root() {
        return of(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    public org.slf4j.Logger logger() {
        return logger;
    }

    /** What was logged during this test so far, oldest first. */
    public List<ILoggingEvent> events() {
        return events;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        events.clear();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
        appender.stop();
    }
}
