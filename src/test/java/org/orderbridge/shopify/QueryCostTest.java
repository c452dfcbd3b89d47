package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Tag("unit")
class QueryCostTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void readsShopifysCostExtension() {
        var cost = QueryCost.from(JSON.readTree("""
                {"data":{},"extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":8,
                 "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1992,"restoreRate":100.0}}}}
                """));

        assertThat(cost).contains(new QueryCost(10, new QueryCost.ThrottleStatus(2000, 1992, 100)));
    }

    @Test
    void readsNoCostFromAResponseWithoutOne() {
        assertThat(QueryCost.from(JSON.readTree("{\"data\":{}}"))).isEmpty();
        assertThat(QueryCost.from(JSON.readTree("""
                {"extensions":{"cost":{"requestedQueryCost":"10",
                 "throttleStatus":{"maximumAvailable":2000,"currentlyAvailable":0,"restoreRate":100}}}}
                """))).isEmpty();
        assertThat(QueryCost.from(JSON.readTree("{\"extensions\":{\"cost\":{\"requestedQueryCost\":10}}}")))
                .isEmpty();
    }

    @Test
    void waitsUntilTheBucketHasRefilledWhatTheRequestLacks() {
        var cost = new QueryCost(10, new QueryCost.ThrottleStatus(1000, 4, 50));

        // 6 points missing at 50 points per second
        assertThat(cost.timeUntilAffordable()).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void needsNoWaitWhenTheBucketHoldsEnough() {
        assertThat(new QueryCost(10, new QueryCost.ThrottleStatus(1000, 10, 50)).timeUntilAffordable())
                .isZero();
        assertThat(new QueryCost(10, new QueryCost.ThrottleStatus(1000, 500, 50)).timeUntilAffordable())
                .isZero();
    }
}
