package org.orderbridge.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When each shop's next check is due, shared by all instances through one row per shop. An instance claims a due shop
 * with one conditional upsert that pushes {@code due_at} a lease ahead: of instances racing for the row, PostgreSQL lets
 * exactly one update it, and the others find it no longer due. No lock or connection is held while Shopify is asked,
 * and a claim whose instance died simply runs out. Times are the database's, so instances' clocks do not matter.
 *
 * <p>At an instance's start, a shop is also due at once when the configured target differs from the one it was last
 * claimed for: a deployment that moves the callback URL repairs every shop on start rather than within the hour.
 *
 * <p>Rows name a shop only by the SHA-256 of its domain, and failures are stored with the domain blanked out: nothing
 * here mentions a shop that was erased (shop/redact), although the schedule outlives it while its token is configured.
 */
final class CheckSchedule {

    private final JdbcClient jdbc;

    CheckSchedule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Of these shops, those that may be due a check: neither checked within the interval nor being checked; at an
     * instance's start ({@code startingUp}) also those last checked for another target.
     */
    List<String> candidates(Collection<String> shops, String target, boolean startingUp) {
        Set<String> notDue = new HashSet<>(jdbc.sql("""
                        select shop_key from webhook_subscription_check
                        where due_at > now() and (target = :target or not :startingUp)""")
                .param("target", target)
                .param("startingUp", startingUp)
                .query(String.class)
                .list());
        return shops.stream()
                .filter(shop -> !notDue.contains(key(shop)))
                .sorted()
                .toList();
    }

    /**
     * Whether this instance now owns the shop's check, for {@code lease}; false when the shop is not due or another
     * instance claimed it first. At an instance's start a shop last checked for another target is due too, unless a
     * check is running: a deployment that moves the target repairs every shop at once. Only at start, so that while
     * old and new instances run side by side during a rolling deployment they do not repoint the subscriptions back
     * and forth; the new target wins as the old instances stop.
     */
    boolean claim(String shop, String target, Duration lease, boolean startingUp) {
        return jdbc.sql("""
                        insert into webhook_subscription_check as c (shop_key, due_at, target, started_at)
                        values (:shop, now() + :lease * interval '1 millisecond', :target, now())
                        on conflict (shop_key) do update
                            set due_at = excluded.due_at, target = excluded.target, started_at = excluded.started_at
                            where c.due_at <= now()
                                or (:startingUp and c.target <> excluded.target and c.checked_at >= c.started_at)""")
                        .param("shop", key(shop))
                        .param("lease", lease.toMillis())
                        .param("target", target)
                        .param("startingUp", startingUp)
                        .update()
                == 1;
    }

    /** The shop's row goes: its shop was erased. */
    void forget(String shop) {
        jdbc.sql("delete from webhook_subscription_check where shop_key = ?")
                .param(key(shop))
                .update();
    }

    void checked(String shop, int repairs, Duration interval) {
        jdbc.sql("""
                        update webhook_subscription_check
                        set due_at = now() + :interval * interval '1 millisecond', checked_at = now(),
                            repairs = :repairs, failure = null
                        where shop_key = :shop""")
                .param("shop", key(shop))
                .param("interval", interval.toMillis())
                .param("repairs", repairs)
                .update();
    }

    void failed(String shop, String failure, Duration retryAfter) {
        jdbc.sql("""
                        update webhook_subscription_check
                        set due_at = now() + :retry * interval '1 millisecond', checked_at = now(),
                            failure = :failure
                        where shop_key = :shop""")
                .param("shop", key(shop))
                .param("retry", retryAfter.toMillis())
                .param("failure", blanked(failure, shop))
                .update();
    }

    /** The row's key for a shop: the hex SHA-256 of its lower-cased domain. */
    static String key(String shop) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(shop.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String blanked(String failure, String shop) {
        String text = Pattern.compile(Pattern.quote(shop), Pattern.CASE_INSENSITIVE)
                .matcher(failure)
                .replaceAll(Matcher.quoteReplacement("<shop>"));
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
