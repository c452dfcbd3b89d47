package org.orderbridge.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter for the API clients' requests only: Shopify's webhooks enforce their own, larger body limit on the raw body
 * they sign and are not the API clients' to starve, and the actuator answers the load balancer whatever the clients do.
 */
abstract class ApiRequestFilter extends OncePerRequestFilter {

    @Override
    protected final boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }
}
