package org.orderbridge.shop;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tombstones of erased shops. An erasure would be undone by anything that still arrives for the shop afterwards:
 * a delivery queued or dead-lettered before it, a re-drive, a replayed body, a reconciliation pass or backfill reading
 * its orders back from Shopify. Each of those asks here first and drops what belongs to an erased shop, counted in
 * {@code orderbridge.erasure.dropped} by where it came from.
 *
 * <p>A shop that installed the app again after its erasure ({@link #reinstalled}) is live again for work started now,
 * and for what Shopify triggered after the erasure: an uninstalled app receives nothing from Shopify, so that can only
 * come from the new installation, while everything triggered before stays dropped.
 */
@Component
public class ErasedShops {

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final Clock clock;

    ErasedShops(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    /** Whether the shop was erased and has not installed the app again since. */
    public boolean isErased(String shopDomain) {
        return jdbc.sql("select count(*) from erased_shop where shop_key = ? and reinstalled_at is null")
                        .param(ShopKeys.ofDomain(shopDomain))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * For work started now: a reconciliation pass, a backfill, upkeep.
     *
     * @param source where the dropped work came from ({@code webhook}, {@code reconciliation}, ...), a fixed word
     * @return true when the shop was erased and did not install the app again: the caller drops the work, which has
     *     been counted
     */
    public boolean drops(String shopDomain, String source) {
        if (!isErased(shopDomain)) {
            return false;
        }
        dropped(source);
        return true;
    }

    /**
     * For work Shopify triggered at a time of its own: a webhook, an order snapshot.
     *
     * @param triggeredAt when Shopify triggered it; unknown counts as before the erasure
     * @return true when the shop was erased and either did not install the app again or the work is not younger than
     *     the erasure: the caller drops it, which has been counted
     */
    public boolean drops(String shopDomain, String source, @Nullable Instant triggeredAt) {
        boolean erased = jdbc.sql("""
                        select count(*) from erased_shop where shop_key = ?
                        and (reinstalled_at is null or cast(? as timestamptz) is null or erased_at >= ?)""")
                        .params(Arrays.asList(
                                ShopKeys.ofDomain(shopDomain), timestamp(triggeredAt), timestamp(triggeredAt)))
                        .query(Long.class)
                        .single()
                > 0;
        if (erased) {
            dropped(source);
        }
        return erased;
    }

    /** Whether any shop was erased since then. */
    public boolean anyErasedSince(Instant since) {
        return jdbc.sql("select count(*) from erased_shop where erased_at > ?")
                        .param(Timestamp.from(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The shops that were not erased (or installed the app again); the others are dropped and counted. */
    public Set<String> live(Collection<String> shopDomains, String source) {
        return shopDomains.stream().filter(shop -> !drops(shop, source)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param reinstallProvable the app was not installed at the erasure (Shopify refused its token, or none is
     *     configured): a token accepted later proves a new installation
     */
    void bury(String shopDomain, long shopId, boolean reinstallProvable) {
        jdbc.sql("""
                insert into erased_shop (shop_key, shop_id_key, erased_at, reinstall_provable) values (?, ?, ?, ?)
                on conflict (shop_key) do update set erased_at = excluded.erased_at,
                    reinstall_provable = excluded.reinstall_provable, reinstalled_at = null""")
                .params(
                        ShopKeys.ofDomain(shopDomain),
                        ShopKeys.ofShopId(shopId),
                        Timestamp.from(clock.instant()),
                        reinstallProvable)
                .update();
    }

    /**
     * Shopify accepted the app's token for the shop: records the reinstall of an erased shop, once, when its erasure
     * left the app uninstalled and the check began after it.
     *
     * @return whether this recorded a reinstall
     */
    boolean reinstalled(String shopDomain, Instant askedAt) {
        return jdbc.sql("""
                        update erased_shop set reinstalled_at = ?
                        where shop_key = ? and reinstall_provable and reinstalled_at is null and erased_at < ?""")
                        .params(Timestamp.from(askedAt), ShopKeys.ofDomain(shopDomain), Timestamp.from(askedAt))
                        .update()
                > 0;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private void dropped(String source) {
        registry.counter("orderbridge.erasure.dropped", "source", source).increment();
    }
}
