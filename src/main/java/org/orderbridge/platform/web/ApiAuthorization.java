package org.orderbridge.platform.web;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A module's rules in the API's filter chain, for the paths it serves that the API's convention does not cover: pages
 * outside {@code /api/v1}, and operations that need another role than the convention gives them. The convention: under
 * {@code /api/v1/admin} the admin role, elsewhere under {@code /api/v1} the read role for a {@code GET} and the write
 * role for anything else. A module declares its rules as a bean; they come after the platform's own (actuator, error
 * page) and before the convention, and the first rule that matches a request decides it. A request that no rule
 * matches is refused.
 */
@FunctionalInterface
public interface ApiAuthorization {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

    /**
     * The role, held by a key for every shop: for operations over all shops at once (a queue of every shop's messages,
     * the log of every key's actions), which a key limited to shops is refused with 403.
     */
    static AuthorizationManager<RequestAuthorizationContext> forEveryShop(String role) {
        AuthorizationManager<RequestAuthorizationContext> hasRole = AuthorityAuthorizationManager.hasRole(role);
        return (authentication, context) -> {
            AuthorizationResult byRole = hasRole.authorize(authentication, context);
            return new AuthorizationDecision(
                    byRole != null && byRole.isGranted() && ApiCaller.actsForEveryShop(authentication.get()));
        };
    }
}
