package org.orderbridge.access;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled whether the shops' granted scopes are read at all
 * @param interval how often every shop's granted scopes are read again (also once at start)
 * @param retryAfterFailure how soon a shop whose scopes could not be read is asked again
 */
@Validated
@ConfigurationProperties("orderbridge.access-scopes")
record AccessScopeProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1)
        Duration interval,

        @DefaultValue("5m") @NotNull @DurationMin(seconds = 1)
        Duration retryAfterFailure) {}
