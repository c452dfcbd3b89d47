package org.orderbridge.fulfillmentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.ADMIN_KEY;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.LIMITED_SHOP;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.SHOP_ADMIN_KEY;

import java.time.Instant;
import java.util.List;
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

/** An admin key limited to shops sees and answers only its shops' fulfillment requests. */
@WebMvcTest(
        controllers = FulfillmentRequestController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ApiAuthorization.class),
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.orderbridge\\.(?!fulfillmentservice\\.|platform\\.).*"),
        properties = {ApiSecurityTestConfiguration.API_KEYS, ApiSecurityTestConfiguration.SHOP_ADMIN_KEY_LIMITS})
@Tag("slice")
@Import(ApiSecurityTestConfiguration.class)
class FulfillmentRequestShopLimitsTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    FulfillmentRequests requests;

    @Test
    void aLimitedAdminKeyListsOnlyItsShopsRequestsAndCannotAnswerAnothers() {
        var own = request(LIMITED_SHOP);
        var foreign = request("other.myshopify.com");
        given(requests.list(any(), any(), anyInt())).willReturn(List.of(own, foreign));
        given(requests.find(own.id())).willReturn(own);
        given(requests.find(foreign.id())).willReturn(foreign);

        assertThat(mvc.get().uri("/api/v1/fulfillment-requests").header("X-API-Key", SHOP_ADMIN_KEY))
                .bodyJson()
                .extractingPath("$[*].shop")
                .asArray()
                .containsExactly(LIMITED_SHOP);
        assertThat(mvc.get().uri("/api/v1/fulfillment-requests").header("X-API-Key", ADMIN_KEY))
                .bodyJson()
                .extractingPath("$[*].shop")
                .asArray()
                .hasSize(2);
        assertNotThere(mvc.get()
                .uri("/api/v1/fulfillment-requests/" + foreign.id())
                .header("X-API-Key", SHOP_ADMIN_KEY)
                .exchange());
        assertNotThere(answer(foreign, "accept", "{}"));
        assertNotThere(answer(foreign, "reject", "{\"reason\": \"OTHER\"}"));

        then(requests).should(never()).accept(any(), any(), anyString());
        then(requests).should(never()).reject(any(), any(), any(), anyString());
    }

    private MvcTestResult answer(FulfillmentRequest request, String answer, String body) {
        return mvc.post()
                .uri("/api/v1/fulfillment-requests/" + request.id() + "/" + answer)
                .header("X-API-Key", SHOP_ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static void assertNotThere(MvcTestResult result) {
        assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static FulfillmentRequest request(String shop) {
        return new FulfillmentRequest(
                UUID.randomUUID(),
                shop,
                "gid://shopify/FulfillmentOrder/1",
                null,
                RequestStatus.SUBMITTED,
                AnswerState.NONE,
                null,
                null,
                null,
                null,
                null,
                AT,
                AT);
    }
}
