package org.orderbridge.platform.database;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param credentialsSecret Secrets Manager id (ARN) of the database login ({@code username}, {@code password});
 *     when set, the login is re-read from it whenever the database refuses the one in use, so that a password
 *     rotation never needs a restart
 * @param secretsManagerEndpoint only for stand-ins; AWS's regional endpoint otherwise
 * @param objectOwner role that owns the schema's objects; migrations run as it ({@code SET ROLE}), so that the
 *     tables do not belong to whichever of the alternating logins happened to be current
 */
@Validated
@ConfigurationProperties("orderbridge.database")
record DatabaseProperties(
        @Nullable String credentialsSecret,
        @Nullable URI secretsManagerEndpoint,
        @Nullable String objectOwner) {}
