package org.orderbridge.shopify.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What happens to outgoing webhooks on their way, per shop: a share is lost (Shopify gave up on them, or the
 * subscription was gone), a share arrives twice, and held deliveries go out later in shuffled order. A lost delivery is
 * recorded, so a test knows which changes the service can only learn of by reconciliation.
 */
public final class WebhookFaults {

    /** One webhook as it leaves; a duplicate repeats it with the same ids, as Shopify's redeliveries do. */
    public record Delivery(
            String topic,
            String shop,
            Map<String, Object> payload,
            String webhookId,
            String eventId,
            Instant triggeredAt) {

        static Delivery of(String topic, String shop, Map<String, Object> payload) {
            return new Delivery(
                    topic,
                    shop,
                    payload,
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(),
                    Instant.now());
        }
    }

    /**
     * @param dropShare      share of deliveries never sent, 0 to 1
     * @param duplicateShare share of the sent ones sent twice
     * @param hold           whether deliveries wait for {@link #release} instead of going out at once
     */
    public record Settings(double dropShare, double duplicateShare, boolean hold) {

        public static final Settings NONE = new Settings(0, 0, false);

        public Settings {
            if (dropShare < 0 || dropShare > 1 || duplicateShare < 0 || duplicateShare > 1) {
                throw new IllegalArgumentException("shares lie between 0 and 1");
            }
        }
    }

    private final Map<String, Settings> byShop = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> held = new ConcurrentHashMap<>();
    private final List<Delivery> dropped = new CopyOnWriteArrayList<>();
    private final List<Delivery> departed = new CopyOnWriteArrayList<>();
    private final AtomicLong duplicated = new AtomicLong();
    private final Random random = new Random();

    WebhookFaults() {}

    /** From now on, the shop's webhooks suffer these faults. */
    public WebhookFaults set(String shop, Settings settings) {
        byShop.put(shop, settings);
        return this;
    }

    /** For reproducible runs. */
    public synchronized WebhookFaults seed(long seed) {
        random.setSeed(seed);
        return this;
    }

    /**
     * Sends the shop's held deliveries, shuffled, one after the other, and stops holding the shop's deliveries.
     *
     * @return how many deliveries were sent (duplicates included)
     */
    public int release(String shop, Consumer<Delivery> post) {
        Settings settings = byShop.getOrDefault(shop, Settings.NONE);
        byShop.put(shop, new Settings(settings.dropShare(), settings.duplicateShare(), false));
        List<Delivery> deliveries = held.remove(shop);
        if (deliveries == null) {
            return 0;
        }
        synchronized (this) {
            Collections.shuffle(deliveries, random);
        }
        deliveries.forEach(post);
        return deliveries.size();
    }

    /** Every delivery of a shop with faults set, lost or not, as it left the shop; oldest first. */
    public List<Delivery> departed(String shop) {
        return departed.stream().filter(d -> d.shop().equals(shop)).toList();
    }

    /** The deliveries that were lost, oldest first. */
    public List<Delivery> dropped(String shop) {
        return dropped.stream().filter(d -> d.shop().equals(shop)).toList();
    }

    public long duplicated() {
        return duplicated.get();
    }

    /** Back to delivering everything once, at once; what is held is discarded. */
    public void clear() {
        byShop.clear();
        held.clear();
        dropped.clear();
        departed.clear();
    }

    void deliver(Delivery delivery, Consumer<Delivery> post) {
        Settings settings = byShop.get(delivery.shop());
        if (settings == null) {
            post.accept(delivery);
            return;
        }
        departed.add(delivery);
        boolean drop;
        boolean twice;
        synchronized (this) {
            drop = random.nextDouble() < settings.dropShare();
            twice = !drop && random.nextDouble() < settings.duplicateShare();
        }
        if (drop) {
            dropped.add(delivery);
            return;
        }
        List<Delivery> copies = twice ? List.of(delivery, delivery) : List.of(delivery);
        if (twice) {
            duplicated.incrementAndGet();
        }
        if (settings.hold()) {
            held.computeIfAbsent(delivery.shop(), s -> Collections.synchronizedList(new ArrayList<>()))
                    .addAll(copies);
            return;
        }
        copies.forEach(post);
    }
}
