package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Tag("unit")
class FulfillmentStateTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void readsAnOrderWithinTheLimitsCompletely() {
        var state = FulfillmentState.read(JSON.readTree("""
                {"lineItems":{"pageInfo":{"hasNextPage":false},"nodes":[{"id":"gid://shopify/LineItem/1","quantity":2}]},
                 "fulfillmentOrders":{"pageInfo":{"hasNextPage":false},"nodes":[{"id":"gid://shopify/FulfillmentOrder/1",
                   "status":"OPEN","fulfillmentHolds":[],
                   "lineItems":{"pageInfo":{"hasNextPage":false},"nodes":[]}}]},
                 "fulfillments":[]}
                """));

        assertThat(state.beyondLimits()).isEmpty();
        assertThat(state.lines()).hasSize(1);
    }

    @Test
    void namesEveryLimitAnOrderGoesBeyond() {
        var fulfillments = new StringBuilder();
        for (int i = 1; i <= FulfillmentState.MAX_FULFILLMENTS; i++) {
            fulfillments
                    .append(i == 1 ? "" : ",")
                    .append("{\"id\":\"gid://shopify/Fulfillment/")
                    .append(i)
                    .append("\",\"legacyResourceId\":\"")
                    .append(i)
                    .append("\",\"status\":\"SUCCESS\",\"trackingInfo\":[],\"fulfillmentLineItems\":")
                    .append("{\"pageInfo\":{\"hasNextPage\":")
                    .append(i == 1)
                    .append("},\"nodes\":[]}}");
        }
        var state = FulfillmentState.read(JSON.readTree("""
                {"lineItems":{"pageInfo":{"hasNextPage":true},"nodes":[]},
                 "fulfillmentOrders":{"pageInfo":{"hasNextPage":true},"nodes":[{"id":"gid://shopify/FulfillmentOrder/1",
                   "status":"OPEN","fulfillmentHolds":[],
                   "lineItems":{"pageInfo":{"hasNextPage":true},"nodes":[]}}]},
                 "fulfillments":[%s]}
                """.formatted(fulfillments)));

        assertThat(state.beyondLimits())
                .containsExactly(
                        "more than 40 line items",
                        "more than 5 fulfillment orders",
                        "more than 40 line items in fulfillment order gid://shopify/FulfillmentOrder/1",
                        "10 or more fulfillments",
                        "more than 20 line items in fulfillment gid://shopify/Fulfillment/1");
    }
}
