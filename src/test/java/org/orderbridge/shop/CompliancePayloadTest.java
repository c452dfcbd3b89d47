package org.orderbridge.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orderbridge.webhook.WebhookFixtures.appUninstalled;
import static org.orderbridge.webhook.WebhookFixtures.customersRedact;
import static org.orderbridge.webhook.WebhookFixtures.shopRedact;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag("unit")
class CompliancePayloadTest {

    private static final String SHOP = "a.myshopify.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsCustomersRedactWithOrderIdsAsNumbersOrStrings() {
        var request = CompliancePayload.read(
                ComplianceTopic.CUSTOMERS_REDACT, SHOP, json(customersRedact(7, SHOP, 42, 1001L, "1002")));

        assertThat(request.shopId()).isEqualTo(7);
        assertThat(request.customerId()).isEqualTo(42);
        assertThat(request.orderIds()).containsExactly(1001L, 1002L);
    }

    @Test
    void refusesPayloadNamingAnotherShopThanTheHeader() {
        assertThatThrownBy(() -> CompliancePayload.read(
                        ComplianceTopic.SHOP_REDACT, SHOP, json(shopRedact(7, "b.myshopify.com"))))
                .isInstanceOf(UntrustedComplianceRequest.class)
                .hasMessageContaining("names another shop");
    }

    @Test
    void refusesCustomerRequestBodyUnderTheShopRedactTopic() {
        assertThatThrownBy(() -> CompliancePayload.read(
                        ComplianceTopic.SHOP_REDACT, SHOP, json(customersRedact(7, SHOP, 42, 1001L))))
                .isInstanceOf(UntrustedComplianceRequest.class)
                .hasMessageContaining("belongs to another topic");
    }

    @Test
    void refusesShopRedactBodyUnderTheCustomersRedactTopic() {
        assertThatThrownBy(
                        () -> CompliancePayload.read(ComplianceTopic.CUSTOMERS_REDACT, SHOP, json(shopRedact(7, SHOP))))
                .isInstanceOf(UntrustedComplianceRequest.class)
                .hasMessageContaining("no customer");
    }

    @Test
    void readsOrderIdsGivenAsDigitsPaddedOrAsGraphqlIds() {
        var request = CompliancePayload.read(
                ComplianceTopic.CUSTOMERS_REDACT,
                SHOP,
                json(customersRedact(7, SHOP, 42, 299938L, "280263", " 220458 ", "gid://shopify/Order/5100000000001")));

        assertThat(request.orderIds()).containsExactly(299938L, 280263L, 220458L, 5100000000001L);
    }

    @Test
    void refusesAnEntryThatIsNoOrderIdRatherThanSkipIt() {
        for (String entry : new String[] {"1 or 1=1", "abc", "12a", "-3", "0", "99999999999999999999"}) {
            assertThatThrownBy(() -> CompliancePayload.read(
                            ComplianceTopic.CUSTOMERS_REDACT, SHOP, json(customersRedact(7, SHOP, 42, 1L, entry))))
                    .as(entry)
                    .isInstanceOf(UntrustedComplianceRequest.class)
                    .hasMessageContaining("orders_to_redact");
        }
        for (String entry : new String[] {"1.5", "-3", "0", "null", "{\"id\":1}"}) {
            String body = customersRedact(7, SHOP, 42, 1L).replace("[1]", "[1, " + entry + "]");
            assertThatThrownBy(() -> CompliancePayload.read(ComplianceTopic.CUSTOMERS_REDACT, SHOP, json(body)))
                    .as(entry)
                    .isInstanceOf(UntrustedComplianceRequest.class);
        }
    }

    @Test
    void bindsAppUninstalledToTheMyshopifyDomainItNames() {
        assertThat(CompliancePayload.read(ComplianceTopic.APP_UNINSTALLED, SHOP, json(appUninstalled(9, SHOP)))
                        .shopId())
                .isEqualTo(9);
        assertThatThrownBy(() -> CompliancePayload.read(
                        ComplianceTopic.APP_UNINSTALLED, SHOP, json(appUninstalled(9, "b.myshopify.com"))))
                .isInstanceOf(UntrustedComplianceRequest.class);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
