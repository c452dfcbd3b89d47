package org.orderbridge.platform.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

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
}
