package org.orderbridge.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How long a dependency may take to answer a health check before it counts as down. */
@Validated
@ConfigurationProperties("orderbridge.health")
public record HealthProperties(@NotNull Duration timeout) {}
