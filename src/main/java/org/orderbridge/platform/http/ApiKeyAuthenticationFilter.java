package org.orderbridge.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code X-API-Key} (or {@code Authorization: Bearer}) against the configured keys. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final List<HashedKey> keys;
    private final AuthenticationEntryPoint entryPoint;

    private final ProblemSecurityHandlers problems;
    private final Clock clock;

    ApiKeyAuthenticationFilter(List<ApiKeyProperties.ApiKey> keys, ProblemSecurityHandlers problems, Clock clock) {
        this.keys = keys.stream()
                .map(k -> new HashedKey(k.name(), k.role(), sha256(k.secret()), k.shops(), k.expiresAt()))
                .toList();
        this.entryPoint = problems;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        HashedKey match = match(sha256(presented));
        if (match == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
            return;
        }
        Instant expiresAt = match.expiresAt();
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            SecurityContextHolder.clearContext();
            response.setHeader("WWW-Authenticate", "ApiKey header=\"X-API-Key\", error=\"expired\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "This API key expired at " + expiresAt);
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                match.name(),
                null,
                AuthorityUtils.createAuthorityList(match.role().authorities()));
        authentication.setDetails(new ApiCaller.Limits(match.shops()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    /** Compares against every key, always, so that timing reveals neither a key nor which one matched. */
    private @Nullable HashedKey match(byte[] presentedHash) {
        HashedKey found = null;
        for (HashedKey key : keys) {
            if (MessageDigest.isEqual(key.hash(), presentedHash)) {
                found = key;
            }
        }
        return found;
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        String key = request.getHeader("X-API-Key");
        if (key != null) {
            return key;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record HashedKey(
            String name,
            ApiKeyProperties.Role role,
            byte[] hash,
            Set<String> shops,
            @Nullable Instant expiresAt) {}
}
