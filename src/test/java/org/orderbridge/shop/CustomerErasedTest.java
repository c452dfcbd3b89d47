package org.orderbridge.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CustomerErasedTest {

    private final Pattern mentioned =
            Pattern.compile(new CustomerErased("a.myshopify.com", 7001, List.of(5123456789L)).mentionedIn());

    @Test
    void findsTheCustomersAndTheOrdersIdsAsWholeNumbersWhereverTheyStand() {
        assertThat(mentioned
                        .matcher("{\"customer\":{\"id\":7001,\"email\":\"x\"}}")
                        .find())
                .isTrue();
        assertThat(mentioned
                        .matcher("{\"id\":\"gid://shopify/Order/5123456789\"}")
                        .find())
                .isTrue();
        assertThat(mentioned.matcher("7001").find()).isTrue();
    }

    @Test
    void passesOverNumbersThatOnlyContainThem() {
        assertThat(mentioned
                        .matcher("{\"id\":70012,\"total\":\"17001\",\"order\":51234567890}")
                        .find())
                .isFalse();
    }
}
