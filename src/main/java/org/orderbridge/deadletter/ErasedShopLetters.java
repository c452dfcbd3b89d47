package org.orderbridge.deadletter;

import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderbridge.shop.ErasedShops;
import org.springframework.stereotype.Component;

/**
 * Recognises a dead letter of an erased shop by the shop domains it names (in its attributes or its body, as a webhook
 * or an EventBridge event carries them), checked against the shops' tombstones each time a letter is seen. The sweep
 * right after an erasure misses letters another instance holds invisible at that moment; this check catches them when
 * they are re-driven or swept later.
 */
@Component
class ErasedShopLetters {

    private static final Pattern SHOP = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

    private final ErasedShops tombstones;

    ErasedShopLetters(ErasedShops tombstones) {
        this.tombstones = tombstones;
    }

    /**
     * @param source where the letter was seen ({@code redrive}, {@code dead-letter-sweep}), counted with the drop
     * @return whether the letter names a shop that was erased and did not install the app again: the caller deletes it
     */
    boolean drops(DeadLetterQueues.DeadLetter letter, String source) {
        var shops = new TreeSet<String>();
        collect(letter.body(), shops);
        letter.attributes().values().forEach(value -> collect(value, shops));
        return shops.stream().anyMatch(shop -> tombstones.drops(shop, source));
    }

    private static void collect(String text, TreeSet<String> shops) {
        Matcher shop = SHOP.matcher(text.toLowerCase(Locale.ROOT));
        while (shop.find()) {
            shops.add(shop.group());
        }
    }
}
