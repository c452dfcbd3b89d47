package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class CompliancePayloadsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsOrdersToRedactGivenAsNumbersOrStrings() {
        assertThat(WebhookProcessor.ordersToRedact(json("""
                        {"orders_to_redact":[299938, "280263", " 220458 ", "gid://shopify/Order/5100000000001"]}""")))
                .containsExactly(299938L, 280263L, 220458L, 5100000000001L);
        assertThat(WebhookProcessor.ordersToRedact(json("{\"orders_requested\":[\"7\", 8]}")))
                .containsExactly(7L, 8L);
        assertThat(WebhookProcessor.ordersToRedact(json("{\"orders_to_redact\":[]}")))
                .isEmpty();
        assertThat(WebhookProcessor.ordersToRedact(json("{\"customer\":{\"id\":1}}")))
                .isEmpty();
    }

    @Test
    void refusesAnEntryThatIsNoOrderIdRatherThanSkipIt() {
        for (String entry :
                new String[] {"\"abc\"", "1.5", "-3", "0", "\"12a\"", "null", "{\"id\":1}", "\"99999999999999999999\""
                }) {
            assertThatThrownBy(() -> WebhookProcessor.ordersToRedact(json("{\"orders_to_redact\":[1, " + entry + "]}")))
                    .as(entry)
                    .isInstanceOf(UnprocessableWebhookException.class)
                    .hasMessageContaining("orders_to_redact");
        }
    }

    private JsonNode json(String text) {
        return mapper.readTree(text);
    }
}
