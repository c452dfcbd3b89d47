package org.orderbridge.access;

import java.time.Duration;
import org.orderbridge.platform.BackgroundLoop;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads every shop's granted scopes at start and then every {@code interval}; sooner again after a shop could not be
 * read. Every instance checks for itself: a read costs one cheap query per shop and hour.
 */
@Component
class AccessScopeCheck implements SmartLifecycle {

    private final AccessScopes scopes;
    private final AccessScopeProperties properties;
    private final BackgroundLoop loop;

    AccessScopeCheck(AccessScopes scopes, AccessScopeProperties properties) {
        this.scopes = scopes;
        this.properties = properties;
        this.loop = new BackgroundLoop("access-scope-check", Duration.ofMinutes(1), this::pass, e -> {
            org.slf4j.LoggerFactory.getLogger(AccessScopeCheck.class)
                    .warn("Access scope check failed: {}", e.toString());
            return properties.retryAfterFailure();
        });
    }

    private Duration pass() {
        return scopes.checkAll() ? properties.interval() : properties.retryAfterFailure();
    }

    @Override
    public void start() {
        if (properties.enabled() && !loop.isRunning()) {
            loop.start(Duration.ZERO);
        }
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
