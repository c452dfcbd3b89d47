package org.orderbridge.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of processed deliveries that makes processing idempotent. */
@Component
class DeliveryLog {

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a delivery for this transaction. A concurrent claim of the same id waits on the row lock and
     * then sees it taken, so two instances never both apply one delivery.
     *
     * <p>Shopify sends one event to each matching subscription, each time under a new webhook id. Two such deliveries
     * processed at once would each miss the other's uncommitted record, so a claimed delivery's event is locked for the
     * rest of the transaction in the same statement (one round trip): a second delivery of the event waits there, and
     * {@link #eventSeen}, a later statement with a later snapshot, then sees the first one's record.
     *
     * @return false when the delivery was processed before
     */
    boolean claim(WebhookDelivery delivery, Instant now) {
        var insert = """
                insert into webhook_delivery (webhook_id, event_id, topic, shop_domain, triggered_at, outcome, processed_at)
                values (?, ?, ?, ?, ?, 'CLAIMED', ?) on conflict (webhook_id) do nothing""";
        List<@Nullable Object> claim = new ArrayList<@Nullable Object>(Arrays.asList(
                delivery.webhookId(),
                delivery.eventId(),
                delivery.topic(),
                delivery.shopDomain(),
                triggeredAt(delivery),
                Timestamp.from(now)));
        if (delivery.eventId() == null) {
            return jdbc.sql(insert).params(claim).update() == 1;
        }
        claim.addAll(List.of(delivery.shopDomain(), delivery.topic(), delivery.eventId()));
        return !jdbc.sql(insert + " returning pg_advisory_xact_lock(hashtextextended(? || '|' || ? || '|' || ?, 0))")
                .params(claim)
                .query((rs, row) -> 1)
                .list()
                .isEmpty();
    }

    /** Whether another delivery of the same event was recorded; its lock was taken by {@link #claim}. */
    boolean eventSeen(WebhookDelivery delivery) {
        if (delivery.eventId() == null) {
            return false;
        }
        return jdbc.sql("""
                select count(*) from webhook_delivery
                where shop_domain = ? and topic = ? and event_id = ? and webhook_id <> ?""")
                        .params(delivery.shopDomain(), delivery.topic(), delivery.eventId(), delivery.webhookId())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void record(WebhookDelivery delivery, WebhookOutcome outcome) {
        jdbc.sql("update webhook_delivery set outcome = ? where webhook_id = ?")
                .params(outcome.name(), delivery.webhookId())
                .update();
    }

    void forgetShop(String shop) {
        jdbc.sql("delete from webhook_delivery where shop_domain = ?")
                .param(shop)
                .update();
    }

    private static @Nullable Timestamp triggeredAt(WebhookDelivery delivery) {
        return ReplayWindow.parse(delivery.triggeredAt()).map(Timestamp::from).orElse(null);
    }
}
