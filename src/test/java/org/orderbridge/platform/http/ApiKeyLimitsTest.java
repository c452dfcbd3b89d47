package org.orderbridge.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.platform.http.ApiKeyProperties.KeyLimits;
import org.orderbridge.platform.http.ApiKeyProperties.Role;
import org.orderbridge.platform.web.ApiCaller;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@Tag("unit")
class ApiKeyLimitsTest {

    private static final String KEYS =
            "ops:admin:admin-key-0000000001,wh:write:write-key-0000000001," + "bi:report:report-key-000000001";

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void bindsShopsAndExpiryToTheKeyOfThatName() {
        var expiry = Instant.parse("2027-01-01T00:00:00Z");
        var keys = properties(Map.of("wh", new KeyLimits(Set.of("a.myshopify.com"), expiry)))
                .keys();

        assertThat(keys).filteredOn(k -> k.name().equals("wh")).singleElement().satisfies(k -> {
            assertThat(k.shops()).containsExactly("a.myshopify.com");
            assertThat(k.expiresAt()).isEqualTo(expiry);
        });
        assertThat(keys)
                .filteredOn(k -> k.name().equals("ops"))
                .allMatch(k -> k.shops().isEmpty());
    }

    @Test
    void refusesLimitsForAKeyThatIsNotConfigured() {
        assertThatIllegalStateException()
                .isThrownBy(() -> properties(Map.of("typo", new KeyLimits(Set.of(), null)))
                        .keys())
                .withMessageContaining("'typo'");
    }

    @Test
    void limitsAnAdminKeyToShopsToo() {
        var keys = properties(Map.of("ops", new KeyLimits(Set.of("a.myshopify.com"), null)))
                .keys();

        assertThat(keys).filteredOn(k -> k.name().equals("ops")).singleElement().satisfies(k -> {
            assertThat(k.role()).isEqualTo(Role.ADMIN);
            assertThat(k.shops()).containsExactly("a.myshopify.com");
        });
    }

    @Test
    void aReportingKeyReadsWithoutPersonalDataAndOtherRolesWithIt() {
        assertThat(Role.REPORT.authorities()).containsExactly("ROLE_READ");
        assertThat(Role.READ.authorities()).containsExactly("ROLE_READ", ApiCaller.PERSONAL_DATA);
        assertThat(Role.ADMIN.authorities())
                .containsExactly("ROLE_READ", "ROLE_WRITE", "ROLE_ADMIN", ApiCaller.PERSONAL_DATA);
    }

    @Test
    void auditsOperatorActionsOnly() {
        assertThat(ApiAuditFilter.audited("POST", "/api/v1/orders/1/push")).isTrue();
        assertThat(ApiAuditFilter.audited("POST", "/api/v1/orders/1/cancel")).isTrue();
        assertThat(ApiAuditFilter.audited("POST", "/api/v1/orders/1/shipments/2/release"))
                .isTrue();
        assertThat(ApiAuditFilter.audited("POST", "/api/v1/admin/compliance/parked/w/erase"))
                .isTrue();
        assertThat(ApiAuditFilter.audited("POST", "/api/v1/admin/dead-letters/webhooks/redrive"))
                .isTrue();
        assertThat(ApiAuditFilter.audited("GET", "/api/v1/admin/audit")).isFalse();
        assertThat(ApiAuditFilter.audited("POST", "/api/v1/orders")).isFalse();
        assertThat(ApiAuditFilter.audited("PUT", "/api/v1/orders/1/shipments/2/tracking"))
                .isFalse();
    }

    @Test
    void recordsTheKeysNameAndTheAnswerOfAnAuditedAction() throws Exception {
        ApiAuditLog audit = mock(ApiAuditLog.class);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                "ops", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        authentication.setDetails(new ApiCaller.Limits(Set.of()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var response = new MockHttpServletResponse();
        response.setStatus(202);

        new ApiAuditFilter(audit)
                .doFilter(new MockHttpServletRequest("POST", "/api/v1/orders/1/push"), response, new MockFilterChain());
        new ApiAuditFilter(audit)
                .doFilter(new MockHttpServletRequest("POST", "/api/v1/orders"), response, new MockFilterChain());

        then(audit).should().record("ops", "POST", "/api/v1/orders/1/push", 202);
        then(audit)
                .should(never())
                .record(anyString(), anyString(), org.mockito.ArgumentMatchers.eq("/api/v1/orders"), anyInt());
    }

    @Test
    void namesNoShopInAnAuditRecord() {
        assertThat(ApiAuditFilter.withoutShopDomains("/api/v1/admin/shops/acme.myshopify.com/backfill"))
                .isEqualTo(
                        "/api/v1/admin/shops/sha256:a2c4087dd8e4cc719c8581f946d913a9bef52d1ab4d4bcaf1af50b7bab491a60/backfill");
    }

    private static ApiKeyProperties properties(Map<String, KeyLimits> limits) {
        return new ApiKeyProperties(KEYS, false, null, null, limits);
    }
}
