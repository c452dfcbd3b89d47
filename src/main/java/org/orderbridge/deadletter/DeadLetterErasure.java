package org.orderbridge.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.orderbridge.shop.CustomerErased;
import org.orderbridge.shop.ErasedShops;
import org.orderbridge.shop.ShopErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Dead letters are copies of deliveries and may name an erased shop or customer. A queue cannot be changed inside the
 * erasing transaction, so they are dropped once it has committed: all of an erased shop's, and those of the
 * customer's shop that mention the customer's or one of the orders' ids. A re-drive would otherwise replay them. When the
 * queue cannot be read, {@code orderbridge.erasure.dead_letters_failed} counts it and an operator purges them.
 *
 * <p>A sweep sees only the letters visible at that moment: one that another instance holds (its own sweep, a re-drive)
 * is missed. So every instance sweeps again every minute while any shop was erased in the last
 * {@link #SWEEP_AFTER_ERASURE}, dropping each letter that names an erased shop (its tombstone, checked per letter);
 * a re-drive checks the same of each letter it moves.
 */
@Component
class DeadLetterErasure {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterErasure.class);

    /** Far longer than any instance holds a dead letter invisible (30 s), several sweeps over. */
    static final Duration SWEEP_AFTER_ERASURE = Duration.ofMinutes(15);

    private final DeadLetterQueues queues;
    private final MeterRegistry registry;
    private final ErasedShops tombstones;
    private final ErasedShopLetters erasedShopLetters;
    private final Clock clock;

    DeadLetterErasure(
            DeadLetterQueues queues,
            MeterRegistry registry,
            ErasedShops tombstones,
            ErasedShopLetters erasedShopLetters,
            Clock clock) {
        this.queues = queues;
        this.registry = registry;
        this.tombstones = tombstones;
        this.erasedShopLetters = erasedShopLetters;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void sweepAfterRecentErasures() {
        try {
            if (tombstones.anyErasedSince(clock.instant().minus(SWEEP_AFTER_ERASURE))) {
                drop(letter -> erasedShopLetters.drops(letter, "dead-letter-sweep"), "shop");
            }
        } catch (DataAccessException e) {
            log.warn("Could not look for recent erasures: {}", e.getMessage());
        }
    }

    @TransactionalEventListener
    void on(ShopErased erased) {
        String shop = erased.shopDomain().toLowerCase(Locale.ROOT);
        drop(letter -> mentions(letter, shop), "shop");
    }

    @TransactionalEventListener
    void on(CustomerErased erased) {
        String shop = erased.shopDomain().toLowerCase(Locale.ROOT);
        Pattern mentioned = Pattern.compile(erased.mentionedIn());
        drop(
                letter -> mentions(letter, shop)
                        && mentioned.matcher(letter.body()).find(),
                "customer");
    }

    // One sweep at a time: a sweep holds every letter it reads invisible until it is done, so a second one running
    // beside it (a customers/redact and a shop/redact processed together) would see an empty queue and miss its own.
    private synchronized void drop(Predicate<DeadLetterQueues.DeadLetter> matches, String erasure) {
        try {
            int dropped = queues.drop(matches);
            registry.counter("orderbridge.erasure.dead_letters_dropped", "erasure", erasure)
                    .increment(dropped);
            if (dropped > 0) {
                log.info("Dropped {} dead letters of an erased {}", dropped, erasure);
            }
        } catch (Exception e) {
            registry.counter("orderbridge.erasure.dead_letters_failed").increment();
            log.error("Could not drop the dead letters of an erased {}; purge them by hand", erasure, e);
        }
    }

    private static boolean mentions(DeadLetterQueues.DeadLetter letter, String shop) {
        return letter.body().toLowerCase(Locale.ROOT).contains(shop)
                || letter.attributes().values().stream()
                        .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains(shop));
    }
}
