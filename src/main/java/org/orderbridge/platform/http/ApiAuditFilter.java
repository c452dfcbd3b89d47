package org.orderbridge.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.orderbridge.platform.web.ApiCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Records each operator action with the name of the key that asked for it and the answer it got (refusals included):
 * every change under {@code /api/v1/admin} (erasures, dismissals, re-drives, backfills) and the actions on one order or
 * shipment that undo or override what the service would do on its own (push again, cancel, release a held shipment),
 * and the answers to a merchant's fulfillment requests.
 * Order intake and tracking updates are a client's everyday work, not audited.
 */
class ApiAuditFilter extends ApiRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiAuditFilter.class);

    static final List<PathPattern> AUDITED = List.of(
            PathPatternParser.defaultInstance.parse("/api/v1/admin/**"),
            PathPatternParser.defaultInstance.parse("/api/v1/orders/{id}/push"),
            PathPatternParser.defaultInstance.parse("/api/v1/orders/{id}/cancel"),
            PathPatternParser.defaultInstance.parse("/api/v1/orders/{id}/shipments/{shipmentId}/release"),
            PathPatternParser.defaultInstance.parse("/api/v1/orders/{id}/shipments/{shipmentId}/cancel"),
            PathPatternParser.defaultInstance.parse("/api/v1/fulfillment-requests/{id}/accept"),
            PathPatternParser.defaultInstance.parse("/api/v1/fulfillment-requests/{id}/reject"));

    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

    private final ApiAuditLog audit;

    ApiAuditFilter(ApiAuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!audited(request.getMethod(), request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        // The key as authenticated before the action: the security context is cleared once the chain returns.
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        try {
            chain.doFilter(request, response);
        } finally {
            if (caller != null && caller.getDetails() instanceof ApiCaller.Limits) {
                record(caller.getName(), request, response.getStatus());
            }
        }
    }

    static boolean audited(String method, String path) {
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return AUDITED.stream().anyMatch(pattern -> pattern.matches(container));
    }

    /**
     * The path with each shop domain in it replaced by its SHA-256: a shop domain can name a person (a sole trader's
     * store), and an erased shop must leave no row that names it, while an audit record is kept. The shop's row is
     * still found by {@code encode(sha256('acme.myshopify.com'), 'hex')}.
     */
    static String withoutShopDomains(String path) {
        return SHOP_DOMAIN.matcher(path).replaceAll(match -> "sha256:" + sha256Hex(match.group()));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(String keyName, HttpServletRequest request, int status) {
        try {
            audit.record(keyName, request.getMethod(), withoutShopDomains(request.getRequestURI()), status);
        } catch (RuntimeException e) {
            // The action is done; losing its record must be seen, not undo it.
            log.error(
                    "Audit record lost: key {} {} {} answered {}: {}",
                    keyName,
                    request.getMethod(),
                    request.getRequestURI(),
                    status,
                    e.toString());
        }
    }
}
