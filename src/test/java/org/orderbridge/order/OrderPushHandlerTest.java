package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.push.PushTiming;
import org.orderbridge.shopify.CreateOrderOptions;
import org.orderbridge.shopify.OrderDraft;
import org.orderbridge.shopify.PushOutcome;
import org.orderbridge.shopify.ShopifyOrders;

/** The order push's own time limit, without a queue. */
@Tag("unit")
class OrderPushHandlerTest {

    @Test
    void refusesToStartWhenThePushDeadlineCannotHoldOneShopifyRequest() {
        ShopifyOrders twelveSecondRequests = new ShopifyOrders() {
            @Override
            public PushOutcome createOrder(OrderDraft draft) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PushOutcome createOrder(OrderDraft draft, CreateOrderOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean orderExists(String shopDomain, long shopifyOrderId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean knowsShop(String shopDomain) {
                return true;
            }

            @Override
            public Duration longestRequest() {
                return Duration.ofSeconds(12);
            }
        };

        assertThatThrownBy(() -> new OrderPushHandler(null, twelveSecondRequests, null, withDeadline(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orderbridge.push.deadline");
        assertThat(new OrderPushHandler(null, twelveSecondRequests, null, withDeadline(90)))
                .isNotNull();
    }

    private static PushTiming withDeadline(int seconds) {
        return new PushTiming(Duration.ofSeconds(seconds), Duration.ofSeconds(120));
    }
}
