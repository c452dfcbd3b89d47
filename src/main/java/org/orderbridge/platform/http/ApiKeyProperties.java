package org.orderbridge.platform.http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * API keys as {@code name:role:key} entries, comma-separated, from the environment ({@code API_KEYS}).
 * Roles are cumulative: {@code admin} can do what {@code write} can, which can do what {@code read} can.
 *
 * @param publicApiDocs whether the OpenAPI document and Swagger UI are open to anyone (else: read role)
 * @param maxRequestSize largest request body the API reads (the webhook endpoint has its own limit)
 * @param rateLimits requests per second and burst that each key of a role may send to {@code /api}, per instance
 */
@Validated
@ConfigurationProperties("orderbridge.security")
record ApiKeyProperties(
        String apiKeys,
        @DefaultValue("false") boolean publicApiDocs,
        @DefaultValue("1MB") @NotNull DataSize maxRequestSize,
        @Nullable Map<Role, @Valid RateLimit> rateLimits) {

    RateLimit rateLimit(Role role) {
        RateLimit limit = rateLimits == null ? null : rateLimits.get(role);
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
            keys.add(new ApiKey(parts[0], Role.parse(parts[1], parts[0]), parts[2]));
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

    record ApiKey(String name, Role role, String secret) {

        @Override
        public String toString() {
            return "ApiKey[" + name + ", " + role + "]";
        }
    }

    enum Role {
        READ,
        WRITE,
        ADMIN;

        static Role parse(String text, String keyName) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "API_KEYS entry '" + keyName + "' has unknown role '" + text + "' (read, write or admin)");
            }
        }

        /** The authorities a key of this role holds, its own and those of the roles below it. */
        List<String> authorities() {
            return java.util.Arrays.stream(values())
                    .filter(r -> r.ordinal() <= ordinal())
                    .map(r -> "ROLE_" + r.name())
                    .toList();
        }
    }
}
