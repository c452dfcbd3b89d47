package org.orderbridge.platform.web;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that carry no API key because the module authenticates each itself, from what it carries (Shopify's
 * webhooks, by the HMAC over the raw body). A module declares them as a bean, and they pass a filter chain of their
 * own, ordered before the API's, with only what such a request needs: the firewall (which runs before any chain) and
 * the security headers, none of the API chain's session, anonymous, request-cache, CSRF, API-key, rate-limit, body-limit
 * or exception-translation work. Any other request to the same path meets the API chain.
 */
public record SelfAuthenticatedRequests(RequestMatcher matcher) {}
