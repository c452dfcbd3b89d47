package org.orderbridge.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.ADMIN_KEY;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.LIMITED_SHOP;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.SHOP_ADMIN_KEY;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.platform.http.ApiSecurityTestConfiguration;
import org.orderbridge.platform.web.ApiAuthorization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * An admin key limited to shops keeps to them in the compliance operations: other shops' requests are left out of the
 * listings and are not there for it; what holds every shop's data (the audit log, the dead-letter queues) is refused.
 */
@WebMvcTest(
        controllers = {DataRequestController.class, ParkedComplianceController.class},
        // Every feature's rules in the filter chain: the dead-letter queues' among them.
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ApiAuthorization.class),
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.orderbridge\\.(?!shop\\.|deadletter\\.|platform\\.).*"),
        properties = {ApiSecurityTestConfiguration.API_KEYS, ApiSecurityTestConfiguration.SHOP_ADMIN_KEY_LIMITS})
@Tag("slice")
@Import(ApiSecurityTestConfiguration.class)
class ComplianceApiShopLimitsTest {

    private static final String OTHER_SHOP = "other.myshopify.com";
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DataRequests requests;

    @MockitoBean
    ParkedCompliance parked;

    @Test
    void aLimitedAdminKeyListsOnlyItsShopsParkedRequestsAndCannotEraseOrDismissAnothers() {
        var own = parked("w-own", LIMITED_SHOP);
        var foreign = parked("w-foreign", OTHER_SHOP);
        given(parked.list()).willReturn(List.of(own, foreign));
        given(parked.peek("w-foreign")).willReturn(Optional.of(foreign));
        given(parked.peek("w-own")).willReturn(Optional.of(own));
        given(parked.erase("w-own")).willReturn(new ParkedCompliance.Erased(LIMITED_SHOP, 1));

        assertThat(get("/api/v1/admin/compliance/parked", SHOP_ADMIN_KEY))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].webhookId")
                .asArray()
                .containsExactly("w-own");
        assertThat(get("/api/v1/admin/compliance/parked", ADMIN_KEY))
                .bodyJson()
                .extractingPath("$[*].webhookId")
                .asArray()
                .containsExactly("w-own", "w-foreign");
        assertProblem(post("/api/v1/admin/compliance/parked/w-foreign/erase", SHOP_ADMIN_KEY), 404);
        assertProblem(post("/api/v1/admin/compliance/parked/w-foreign/dismiss", SHOP_ADMIN_KEY), 404);
        assertThat(post("/api/v1/admin/compliance/parked/w-own/erase", SHOP_ADMIN_KEY))
                .hasStatusOk();

        then(parked).should(never()).erase("w-foreign");
        then(parked).should(never()).dismiss("w-foreign");
    }

    @Test
    void aLimitedAdminKeyFindsAnotherShopsDataRequestNotThere() {
        var own = request(LIMITED_SHOP);
        var foreign = request(OTHER_SHOP);
        given(requests.list()).willReturn(List.of(own, foreign));
        given(requests.find(foreign.id())).willReturn(Optional.of(foreign));
        given(requests.export(foreign.id())).willReturn(Optional.of("{}"));

        assertThat(get("/api/v1/admin/compliance/data-requests", SHOP_ADMIN_KEY))
                .bodyJson()
                .extractingPath("$[*].shop")
                .asArray()
                .containsExactly(LIMITED_SHOP);
        assertProblem(get("/api/v1/admin/compliance/data-requests/" + foreign.id(), SHOP_ADMIN_KEY), 404);
        assertProblem(
                post("/api/v1/admin/compliance/data-requests/" + foreign.id() + "/delivered", SHOP_ADMIN_KEY), 404);
        assertThat(get("/api/v1/admin/compliance/data-requests/" + foreign.id(), ADMIN_KEY))
                .hasStatusOk();

        then(requests).should(never()).markDelivered(foreign.id());
    }

    @Test
    void aLimitedAdminKeyIsRefusedWhatConcernsEveryShop() {
        for (var refused : List.of(
                get("/api/v1/admin/audit", SHOP_ADMIN_KEY),
                get("/api/v1/admin/dead-letters?queue=webhook", SHOP_ADMIN_KEY),
                post("/api/v1/admin/dead-letters/redrive?queue=webhook", SHOP_ADMIN_KEY))) {
            assertProblem(refused, 403);
            assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("concerns every shop");
        }
    }

    private static ParkedCompliance.Parked parked(String webhookId, String shop) {
        return new ParkedCompliance.Parked(webhookId, shop, "shop/redact", 7, "installed", AT);
    }

    private static DataRequests.DataRequest request(String shop) {
        return new DataRequests.DataRequest(UUID.randomUUID(), shop, 42, AT, AT.plusSeconds(60), null);
    }

    private MvcTestResult get(String uri, String apiKey) {
        return mvc.get().uri(uri).header("X-API-Key", apiKey).exchange();
    }

    private MvcTestResult post(String uri, String apiKey) {
        return mvc.post().uri(uri).header("X-API-Key", apiKey).exchange();
    }

    private static void assertProblem(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
