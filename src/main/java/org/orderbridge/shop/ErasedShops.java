package org.orderbridge.shop;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tombstones of erased shops. An erasure would be undone by anything that still arrives for the shop afterwards:
 * a delivery queued or dead-lettered before it, a re-drive, a replayed body, a reconciliation pass or backfill reading
 * its orders back from Shopify. Each of those asks here first and drops what belongs to an erased shop, counted in
 * {@code orderbridge.erasure.dropped} by where it came from.
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

    public boolean isErased(String shopDomain) {
        return jdbc.sql("select count(*) from erased_shop where shop_key = ?")
                        .param(ShopKeys.ofDomain(shopDomain))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * @param source where the dropped work came from ({@code webhook}, {@code reconciliation}, ...), a fixed word
     * @return true when the shop was erased: the caller drops the work, which has been counted
     */
    public boolean drops(String shopDomain, String source) {
        if (!isErased(shopDomain)) {
            return false;
        }
        dropped(source);
        return true;
    }

    /** The shops that were not erased; the others are dropped and counted. */
    public Set<String> live(Collection<String> shopDomains, String source) {
        return shopDomains.stream().filter(shop -> !drops(shop, source)).collect(Collectors.toUnmodifiableSet());
    }

    void bury(String shopDomain, long shopId) {
        jdbc.sql("""
                insert into erased_shop (shop_key, shop_id_key, erased_at) values (?, ?, ?)
                on conflict (shop_key) do update set erased_at = excluded.erased_at""")
                .params(ShopKeys.ofDomain(shopDomain), ShopKeys.ofShopId(shopId), Timestamp.from(clock.instant()))
                .update();
    }

    private void dropped(String source) {
        registry.counter("orderbridge.erasure.dropped", "source", source).increment();
    }
}
