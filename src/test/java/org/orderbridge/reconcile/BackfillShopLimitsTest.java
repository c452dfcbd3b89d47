package org.orderbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.SHOP_ADMIN_KEY;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.platform.http.ApiSecurityTestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** An admin key limited to shops backfills only those: another shop's backfill is refused before anything runs. */
@WebMvcTest(
        controllers = BackfillController.class,
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.orderbridge\\.(?!reconcile\\.|platform\\.).*"),
        properties = {ApiSecurityTestConfiguration.API_KEYS, ApiSecurityTestConfiguration.SHOP_ADMIN_KEY_LIMITS})
@Tag("slice")
@Import(ApiSecurityTestConfiguration.class)
class BackfillShopLimitsTest {

    private static final String OTHER = "/api/v1/admin/shops/other.myshopify.com/backfill";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Backfills backfills;

    @Test
    void aLimitedAdminKeyIsRefusedAnotherShopsBackfills() {
        for (MvcTestResult refused : new MvcTestResult[] {
            mvc.post()
                    .uri(OTHER + "?since=2026-11-01")
                    .header("X-API-Key", SHOP_ADMIN_KEY)
                    .exchange(),
            mvc.get().uri(OTHER).header("X-API-Key", SHOP_ADMIN_KEY).exchange(),
            mvc.get()
                    .uri(OTHER + "/" + UUID.randomUUID())
                    .header("X-API-Key", SHOP_ADMIN_KEY)
                    .exchange()
        }) {
            assertThat(refused).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("This API key is limited to other shops than other.myshopify.com");
        }

        then(backfills).should(never()).request(anyString(), any());
        then(backfills).should(never()).latest(anyString());
    }
}
