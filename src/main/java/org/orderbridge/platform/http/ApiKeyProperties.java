package org.orderbridge.platform.http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiCaller;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * API keys as {@code name:role:key} entries, comma-separated, from the environment ({@code API_KEYS}).
 * Roles are cumulative: {@code admin} can do what {@code write} can, which can do what {@code read} can; {@code report}
 * reads like {@code read} with every customer and address field masked.
 *
 * @param publicApiDocs whether the OpenAPI document and Swagger UI are open to anyone (else: read role)
 * @param maxRequestSize largest request body the API reads (the webhook endpoint has its own limit)
 * @param rateLimits requests per second and burst that each key of a role may send to {@code /api}, per instance
 * @param keyLimits per key name, the shops the key is limited to and when it expires; not secret, so configured apart
 *     from the keys
 */
@Validated
@ConfigurationProperties("orderbridge.security")
record ApiKeyProperties(
        String apiKeys,
        @DefaultValue("false") boolean publicApiDocs,
        @DefaultValue("1MB") @NotNull DataSize maxRequestSize,
        @Nullable Map<Role, @Valid RateLimit> rateLimits,
        @Nullable Map<String, @Valid KeyLimits> keyLimits) {

    RateLimit rateLimit(Role role) {
        // A reporting key reads: it shares the read role's allowance unless it has its own.
        RateLimit limit = rateLimits == null
                ? null
                : rateLimits.getOrDefault(role, role == Role.REPORT ? rateLimits.get(Role.READ) : null);
        if (limit == null) {
            throw new IllegalStateException("orderbridge.security.rate-limits."
                    + role.name().toLowerCase(Locale.ROOT) + " is missing: every role needs its rate limit");
        }
        return limit;
    }

    List<ApiKey> keys() {
        var keys = new ArrayList<ApiKey>();
        if (apiKeys == null || apiKeys.isBlank()) {
            return keys;
        }
        for (String entry : apiKeys.split(",")) {
            String[] parts = entry.trim().split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].length() < 16) {
                throw new IllegalStateException("API_KEYS entry '" + (parts.length > 0 ? parts[0] : "")
                        + "' must look like name:read|write|admin:key with a key of at least 16 characters");
            }
            Role role = Role.parse(parts[1], parts[0]);
            KeyLimits limits = keyLimits == null ? null : keyLimits.get(parts[0]);
            keys.add(new ApiKey(
                    parts[0],
                    role,
                    parts[2],
                    limits == null ? Set.of() : limits.shops(),
                    limits == null ? null : limits.expiresAt()));
        }
        if (keyLimits != null) {
            var names = keys.stream().map(ApiKey::name).toList();
            for (String name : keyLimits.keySet()) {
                if (!names.contains(name)) {
                    throw new IllegalStateException("orderbridge.security.key-limits names key '" + name
                            + "', which API_KEYS does not hold: a limit meant for a key would protect nothing");
                }
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return "ApiKeyProperties[apiKeys=(redacted), publicApiDocs=" + publicApiDocs + ", maxRequestSize="
                + maxRequestSize + ", rateLimits=" + rateLimits + "]";
    }

    /**
     * @param perSecond requests per second a key may send on average
     * @param burst requests a key may send at once after a quiet period (the bucket's capacity)
     */
    record RateLimit(@Positive int perSecond, @Positive int burst) {}

    /**
     * @param shops the shops whose orders the key may see and change; empty for every shop
     * @param expiresAt from when the key is refused (401); null for never
     */
    record KeyLimits(
            @DefaultValue Set<@Pattern(regexp = "[a-z0-9][a-z0-9-]*\\.myshopify\\.com") String> shops,
            @Nullable Instant expiresAt) {}

    record ApiKey(
            String name,
            Role role,
            String secret,
            Set<String> shops,
            @Nullable Instant expiresAt) {

        ApiKey(String name, Role role, String secret) {
            this(name, role, secret, Set.of(), null);
        }

        @Override
        public String toString() {
            return "ApiKey[" + name + ", " + role + ", shops=" + shops + ", expiresAt=" + expiresAt + "]";
        }
    }

    enum Role {
        REPORT,
        READ,
        WRITE,
        ADMIN;

        static Role parse(String text, String keyName) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("API_KEYS entry '" + keyName + "' has unknown role '" + text
                        + "' (report, read, write or admin)");
            }
        }

        /**
         * The authorities a key of this role holds: its own and those of the roles below it, and the right to see
         * personal data for every role but {@code report}, which holds only the read role.
         */
        List<String> authorities() {
            if (this == REPORT) {
                return List.of("ROLE_" + READ.name());
            }
            var authorities = new ArrayList<String>();
            java.util.Arrays.stream(values())
                    .filter(r -> r != REPORT && r.ordinal() <= ordinal())
                    .forEach(r -> authorities.add("ROLE_" + r.name()));
            authorities.add(ApiCaller.PERSONAL_DATA);
            return authorities;
        }
    }
}
