package org.orderbridge.reconcile;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.RowLease;
import org.orderbridge.shop.ErasedShops;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code reconciliation_shop} rows: which shop's pass is due, who runs it, and how far it got. Every write of a
 * pass is fenced by its owner, so a pass that outlived its lease (and was taken over) can no longer move the
 * watermark or the schedule.
 */
@Component
class ShopLeases {

    /** A shop whose pass this owner may run now; {@code watermark} is null before the shop's first pass. */
    record Claim(String shop, String owner, @Nullable Instant watermark) {}

    private final JdbcClient jdbc;
    private final ErasedShops erasedShops;
    private final RowLease lease;

    ShopLeases(JdbcClient jdbc, ErasedShops erasedShops) {
        this.jdbc = jdbc;
        this.erasedShops = erasedShops;
        this.lease = new RowLease(jdbc, "reconciliation_shop", "shop_domain", "lease_owner", "lease_until");
    }

    /**
     * Adds the shops not seen before, their first pass due after {@code firstPassIn}. An erased shop whose access token
     * is still configured gets no row: a pass would read its orders back from Shopify.
     */
    void register(Collection<String> shops, Duration firstPassIn) {
        for (String shop : erasedShops.live(shops, "reconciliation")) {
            jdbc.sql("""
                    insert into reconciliation_shop (shop_domain, next_pass_at)
                    values (:shop, clock_timestamp() + :millis * interval '1 millisecond')
                    on conflict (shop_domain) do nothing""")
                    .param("shop", shop)
                    .param("millis", firstPassIn.toMillis())
                    .update();
        }
    }

    /**
     * Takes the lease of the most overdue shop among {@code shops} that nobody holds; shops whose row another instance
     * is claiming right now are skipped rather than waited for.
     */
    Optional<Claim> claimDue(Collection<String> shops, String owner, Duration duration) {
        if (shops.isEmpty()) {
            return Optional.empty();
        }
        return lease.takeFirst(owner, duration, "next_pass_at")
                .set("last_pass_started_at = clock_timestamp()")
                .where("shop_domain in (:shops)", "next_pass_at <= clock_timestamp()")
                .param("shops", shops)
                .returning("shop_domain, watermark")
                .query((rs, row) ->
                        new Claim(rs.getString("shop_domain"), owner, instant(rs.getTimestamp("watermark"))))
                .optional();
    }

    /** Asks for a pass of the shop as soon as possible, also when one is running now (it is followed by another). */
    void requestNow(String shop) {
        jdbc.sql("""
                insert into reconciliation_shop (shop_domain, next_pass_at, pass_requested_at)
                values (:shop, clock_timestamp(), clock_timestamp())
                on conflict (shop_domain) do update
                   set next_pass_at = least(reconciliation_shop.next_pass_at, clock_timestamp()),
                       pass_requested_at = clock_timestamp()""").param("shop", shop).update();
    }

    /**
     * Records that every order up to {@code watermark} is applied, and renews the lease.
     *
     * @return false when the lease is no longer this owner's: the pass must stop
     */
    boolean progress(Claim claim, Instant watermark, Duration duration) {
        return lease.renew(claim.shop(), claim.owner(), duration)
                        .set("watermark = greatest(watermark, :watermark)")
                        .param("watermark", Timestamp.from(watermark))
                        .update()
                == 1;
    }

    /**
     * Ends a completed pass: the watermark moves to {@code watermark}, the lease is freed and the next pass is due after
     * {@code interval}, or at once when one was asked for while this one ran.
     */
    boolean finish(Claim claim, Instant watermark, Duration interval, int seen, int drift) {
        return lease.release(claim.shop(), claim.owner())
                        .set(
                                "watermark = greatest(watermark, :watermark)",
                                """
                                next_pass_at = case when pass_requested_at > last_pass_started_at then clock_timestamp()
                                               else clock_timestamp() + :millis * interval '1 millisecond' end""",
                                "last_pass_finished_at = clock_timestamp()",
                                "last_pass_seen = :seen",
                                "last_pass_drift = :drift")
                        .param("watermark", Timestamp.from(watermark))
                        .param("millis", interval.toMillis())
                        .param("seen", seen)
                        .param("drift", drift)
                        .update()
                == 1;
    }

    /** Ends a pass that did not complete; the progress it recorded stays, and the next pass is due after {@code retry}. */
    void abandon(Claim claim, Duration retry) {
        lease.release(claim.shop(), claim.owner())
                .set("next_pass_at = clock_timestamp() + :millis * interval '1 millisecond'")
                .param("millis", retry.toMillis())
                .update();
    }

    /** How long until the earliest of these shops is due (zero when one is due now), or empty when none is known. */
    Optional<Duration> nextDueIn(Collection<String> shops) {
        if (shops.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select greatest(0, extract(epoch from min(greatest(next_pass_at, coalesce(lease_until,
                               next_pass_at))) - clock_timestamp()) * 1000)
                          from reconciliation_shop where shop_domain in (:shops)""")
                .param("shops", shops)
                .query(Double.class)
                .optional()
                .map(millis -> Duration.ofMillis(millis.longValue()));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
