package org.orderbridge.platform.http;

import org.orderbridge.platform.web.ApiAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The API's security as production wires it (API keys and roles, body limit, 401/403 as problems), for web
 * slice tests of feature controllers: a slice scans only web components, and these are configuration. A feature's
 * own rules (its {@link ApiAuthorization} bean) are configuration too: the test imports them beside this.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemSecurityHandlers.class})
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiSecurityTestConfiguration {

    public static final String READ_KEY = "slice-read-key-000001";
    public static final String WRITE_KEY = "slice-write-key-00001";
    public static final String ADMIN_KEY = "slice-admin-key-00001";
    /** For {@code @WebMvcTest(properties = ...)}. */
    public static final String API_KEYS = "orderbridge.security.api-keys=reader:read:" + READ_KEY + ",writer:write:"
            + WRITE_KEY + ",admin:admin:" + ADMIN_KEY;
}
