package org.orderbridge.shopify.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The payloads of the webhooks Shopify sends when unfulfilled items leave an order: {@code refunds/create} for a refund
 * that restocks them ("Occurs whenever a new refund is created without errors on an order", REFUNDS_CREATE in
 * https://shopify.dev/docs/api/admin-graphql/latest/enums/WebhookSubscriptionTopic; REST Refund resource shape) and
 * {@code orders/edited} for an order edit that removes them (an {@code order_edit} naming the order and its line-item
 * additions and removals, https://shopify.dev/changelog/new-order-edited-webhook-and-order-editing-api-capabilities,
 * with {@code committed_at} since 2024-07,
 * https://shopify.dev/changelog/new-committed_at-timestamp-added-to-orders-edited-webhook-payload).
 */
final class ChangeWebhooks {

    private static final AtomicLong IDS = new AtomicLong(9_500_000_000L);

    private ChangeWebhooks() {}

    static Map<String, Object> refund(SimulatedOrder order, int lineIndex, int quantity) {
        var line = new LinkedHashMap<String, Object>();
        line.put("id", IDS.incrementAndGet());
        line.put("line_item_id", lineItemId(order, lineIndex));
        line.put("quantity", quantity);
        line.put("restock_type", "cancel");
        var refund = new LinkedHashMap<String, Object>();
        refund.put("id", IDS.incrementAndGet());
        refund.put("order_id", order.legacyId());
        refund.put("created_at", now());
        refund.put("processed_at", now());
        refund.put("restock", true);
        refund.put("note", null);
        refund.put("refund_line_items", List.of(line));
        refund.put("transactions", List.of());
        return refund;
    }

    static Map<String, Object> orderEdited(SimulatedOrder order, int lineIndex, int quantity) {
        var edit = new LinkedHashMap<String, Object>();
        edit.put("id", IDS.incrementAndGet());
        edit.put("app_id", null);
        edit.put("created_at", now());
        edit.put("committed_at", now());
        edit.put("notify_customer", false);
        edit.put("order_id", order.legacyId());
        edit.put("staff_note", "");
        edit.put("user_id", null);
        edit.put(
                "line_items",
                Map.of(
                        "additions",
                        List.of(),
                        "removals",
                        List.of(Map.of("id", lineItemId(order, lineIndex), "delta", quantity))));
        return Map.of("order_edit", edit);
    }

    private static long lineItemId(SimulatedOrder order, int lineIndex) {
        String gid = SimulatedFulfillments.lineItemGid(order, lineIndex);
        return Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }
}
