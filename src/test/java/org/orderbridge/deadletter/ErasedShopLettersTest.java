package org.orderbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shop.ErasedShops;

@Tag("unit")
class ErasedShopLettersTest {

    private final ErasedShops tombstones = mock(ErasedShops.class);
    private final ErasedShopLetters letters = new ErasedShopLetters(tombstones);

    @Test
    void dropsALetterNamingAnErasedShopInItsAttributesOrBodyWhateverTheCase() {
        given(tombstones.drops(anyString(), anyString())).willReturn(false);
        given(tombstones.drops("gone.myshopify.com", "redrive")).willReturn(true);

        assertThat(letters.drops(letter("{}", Map.of("shop", "Gone.myshopify.com")), "redrive"))
                .isTrue();
        assertThat(letters.drops(letter("{\"detail\":{\"shop\":\"gone.myshopify.com\"}}", Map.of()), "redrive"))
                .isTrue();
        assertThat(letters.drops(
                        letter("{\"shop\":\"live.myshopify.com\"}", Map.of("shop", "live.myshopify.com")), "redrive"))
                .isFalse();
        then(tombstones).should().drops("live.myshopify.com", "redrive");
    }

    @Test
    void keepsALetterThatNamesNoShop() {
        assertThat(letters.drops(letter("{\"orderId\":\"0193\"}", Map.of()), "redrive"))
                .isFalse();
        then(tombstones).shouldHaveNoInteractions();
    }

    private static DeadLetterQueues.DeadLetter letter(String body, Map<String, String> attributes) {
        return new DeadLetterQueues.DeadLetter("m-1", body, attributes, null, null);
    }
}
