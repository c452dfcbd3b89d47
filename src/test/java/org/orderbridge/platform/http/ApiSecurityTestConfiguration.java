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
    /** Reads without personal data. */
    public static final String REPORT_KEY = "slice-report-key-0001";
    /** A write key, limited to {@link #LIMITED_SHOP} where {@link #SHOP_KEY_LIMITS} is set. */
    public static final String SHOP_KEY = "slice-shop-key-000001";
    /** An admin key, limited to {@link #LIMITED_SHOP} where {@link #SHOP_ADMIN_KEY_LIMITS} is set. */
    public static final String SHOP_ADMIN_KEY = "slice-shop-admin-key1";
    /** A read key that expired where {@link #EXPIRED_KEY_LIMITS} is set. */
    public static final String EXPIRED_KEY = "slice-expired-key-001";

    public static final String LIMITED_SHOP = "limited.myshopify.com";
    /** For {@code @WebMvcTest(properties = ...)}. */
    public static final String API_KEYS = "orderbridge.security.api-keys=reader:read:" + READ_KEY + ",writer:write:"
            + WRITE_KEY + ",admin:admin:" + ADMIN_KEY + ",reporter:report:" + REPORT_KEY + ",shopkeeper:write:"
            + SHOP_KEY + ",expired:read:" + EXPIRED_KEY + ",shopadmin:admin:" + SHOP_ADMIN_KEY;

    public static final String SHOP_KEY_LIMITS = "orderbridge.security.key-limits.shopkeeper.shops=" + LIMITED_SHOP;
    public static final String SHOP_ADMIN_KEY_LIMITS =
            "orderbridge.security.key-limits.shopadmin.shops=" + LIMITED_SHOP;
    public static final String EXPIRED_KEY_LIMITS =
            "orderbridge.security.key-limits.expired.expires-at=2020-01-01T00:00:00Z";
}
