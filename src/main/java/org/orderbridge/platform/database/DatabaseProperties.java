package org.orderbridge.platform.database;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param credentialsSecret Secrets Manager id (ARN) of the database login ({@code username}, {@code password});
 *     when set, the login is re-read from it whenever the database refuses the one in use, so that a password
 *     rotation never needs a restart
 * @param secretsManagerEndpoint only for stand-ins; AWS's regional endpoint otherwise
 * @param objectOwner role that owns the schema's objects; migrations run as it ({@code SET ROLE}), so that the
 *     tables do not belong to whichever of the alternating logins happened to be current
 * @param tls whether and how the connection proves the server is the database
 * @param iamAuth log in with IAM database authentication (a token from the task role) instead of the secret's
 *     password; the connection then goes through the AWS JDBC wrapper
 * @param migrateOnStart whether an instance applies pending migrations as it starts (local runs, tests); when not,
 *     it refuses to start while any is pending or failed, and the deploy runs the jar's migrate-only mode first
 *     ({@link SchemaMigration})
 */
@Validated
@ConfigurationProperties("orderbridge.database")
record DatabaseProperties(
        @Nullable String credentialsSecret,
        @Nullable URI secretsManagerEndpoint,
        @Nullable String objectOwner,
        @DefaultValue @Valid Tls tls,
        @DefaultValue("false") boolean iamAuth,
        @DefaultValue("true") boolean migrateOnStart) {

    /**
     * @param mode {@code verify-full} in production; {@code disable} only for a database on the same host or
     *     network namespace (local runs, tests)
     * @param rootCertificate PEM file of the certificate authorities the server's certificate must chain to (the
     *     RDS global bundle in the image); required when the mode verifies
     */
    record Tls(
            @DefaultValue("disable") DatabaseTlsMode mode,
            @Nullable Path rootCertificate) {
        Tls {
            if (mode == DatabaseTlsMode.VERIFY_FULL && rootCertificate == null) {
                throw new IllegalArgumentException(
                        "orderbridge.database.tls.root-certificate is required with mode verify-full");
            }
        }
    }
}
