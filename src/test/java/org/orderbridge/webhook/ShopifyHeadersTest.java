package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ShopifyHeadersTest {

    @Test
    void acceptsHeadersInTheFormShopifySends() {
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.SHOP, "ob-test.myshopify.com"))
                .isTrue();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.TOPIC, "orders/partially_fulfilled"))
                .isTrue();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.WEBHOOK_ID, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"))
                .isTrue();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.TRIGGERED_AT, "2026-11-25T10:00:00.123456789Z"))
                .isTrue();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.API_VERSION, "2026-10"))
                .isTrue();
        assertThat(ShopifyHeaders.isSignature("YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWY="))
                .isTrue();
    }

    @Test
    void refusesHeadersThatShopifyNeverSends() {
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.SHOP, "shop.example.com"))
                .isFalse();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.SHOP, "a.myshopify.com\r\nX: y"))
                .isFalse();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.TOPIC, "orders/create' or 1=1"))
                .isFalse();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.TOPIC, "x/" + "y".repeat(70)))
                .isFalse();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.EVENT_ID, "e".repeat(256)))
                .isFalse();
        assertThat(ShopifyHeaders.isWellFormed(ShopifyHeaders.API_VERSION, "2026-10; drop"))
                .isFalse();
        assertThat(ShopifyHeaders.isSignature("c2lnbmF0dXJl")).isFalse();
    }
}
