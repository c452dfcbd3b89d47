package org.orderbridge.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shopify's webhook deliveries, authenticated by their HMAC in the controller, pass a filter chain of their own
 * without the API chain's work; every other request on the path still meets the API chain.
 */
@WebMvcTest(
        controllers = WebhookFilterChainTest.Endpoints.class,
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.orderbridge\\.(?!platform\\.).*"),
        properties = ApiSecurityTestConfiguration.API_KEYS)
@Tag("slice")
@Import({
    ApiSecurityTestConfiguration.class,
    WebhookRouteStandIn.class,
    WebhookFilterChainTest.Endpoints.class,
    SimpleMeterRegistry.class
})
class WebhookFilterChainTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FilterChainProxy security;

    @Test
    void webhookDeliveriesPassNoneOfTheApiChainsFilters() {
        List<Class<?>> filters = chainFor("POST", "/webhooks/shopify").getFilters().stream()
                .<Class<?>>map(Filter::getClass)
                .toList();

        assertThat(filters)
                .doesNotContain(
                        ApiKeyAuthenticationFilter.class,
                        ApiRateLimitFilter.class,
                        RequestBodyLimitFilter.class,
                        SecurityContextHolderFilter.class,
                        SessionManagementFilter.class,
                        AnonymousAuthenticationFilter.class,
                        RequestCacheAwareFilter.class,
                        CsrfFilter.class,
                        ExceptionTranslationFilter.class);
        assertThat(chainFor("GET", "/webhooks/shopify").getFilters())
                .hasAtLeastOneElementOfType(ApiKeyAuthenticationFilter.class);
    }

    @Test
    void leavesAWebhookToItsSignatureWhateverApiKeyItCarries() {
        assertThat(mvc.post().uri("/webhooks/shopify").header("X-API-Key", "not-a-key-of-ours-000"))
                .hasStatusOk();
    }

    @Test
    void refusesOtherMethodsOnTheWebhookPathAsTheApiDoes() {
        assertThat(mvc.get().uri("/webhooks/shopify")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/webhooks/shopify").header("X-API-Key", ApiSecurityTestConfiguration.ADMIN_KEY))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void keepsTheApiChainForTheApi() {
        assertThat(mvc.get().uri("/api/v1/orders")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/orders").header("X-API-Key", ApiSecurityTestConfiguration.READ_KEY))
                .hasStatusOk();
    }

    private SecurityFilterChain chainFor(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return security.getFilterChains().stream()
                .filter(chain -> chain.matches(request))
                .findFirst()
                .orElseThrow();
    }

    @RestController
    static class Endpoints {

        @GetMapping("/api/v1/orders")
        String list() {
            return "[]";
        }

        @PostMapping("/webhooks/shopify")
        ResponseEntity<Void> webhook() {
            return ResponseEntity.ok().build();
        }

        @GetMapping("/webhooks/shopify")
        ResponseEntity<Void> webhookRead() {
            return ResponseEntity.ok().build();
        }
    }
}
