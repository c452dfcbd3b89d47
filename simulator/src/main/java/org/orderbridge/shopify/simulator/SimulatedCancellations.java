package org.orderbridge.shopify.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code orderCancel} and its jobs, as Shopify documents them
 * (https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/orderCancel):
 *
 * <ul>
 *   <li>"The mutation performs cancellation asynchronously in a background job and as such, returns a job that can be
 *       queried for using the job API" (https://shopify.dev/changelog/order-cancellation-now-available-on-graphql-admin-api).
 *       Here the job has cancelled the order by the time the answer leaves, but the answer says {@code done: false}, as
 *       a job just queued does; {@code job(id:)} then says {@code done: true}.
 *   <li>"An order can only be cancelled if ... The order hasn't already been cancelled ... The order has no outstanding
 *       fulfillments that can't be cancelled": a second cancellation, and one of an order with fulfillments not
 *       cancelled, are refused ({@code INVALID}; Shopify's wording is not documented, OrderBridge must not depend on it).
 *   <li>{@code staffNote}: "Maximum length of 255 characters".
 *   <li>{@code OrderCancelUserErrorCode}: {@code NOT_FOUND} for an order that does not exist,
 *       {@code STORE_CREDIT_REFUND_MISSING_CUSTOMER} for a store-credit refund of an order without a customer.
 *   <li>{@code restock}: "Whether to restock the inventory committed to the order" ({@link SimulatedInventory#restock}).
 *   <li>The shop's {@code orders/cancelled} webhook follows (https://shopify.dev/docs/api/webhooks, topic
 *       {@code orders/cancelled}: "Occurs whenever an order is cancelled").
 * </ul>
 */
final class SimulatedCancellations {

    private final SimulatedStore store;
    private final Map<String, Boolean> jobs = new ConcurrentHashMap<>();
    private final AtomicLong jobIds = new AtomicLong(7_000_000L);
    private final List<String> cancelled = java.util.Collections.synchronizedList(new ArrayList<>());

    SimulatedCancellations(SimulatedStore store) {
        this.store = store;
    }

    /** The GIDs of the orders each successful orderCancel cancelled, in order: a test counts them. */
    List<String> cancelledOrders() {
        synchronized (cancelled) {
            return List.copyOf(cancelled);
        }
    }

    /** The {@code OrderCancelPayload}; {@code cancelledOrder} receives the order it cancelled, for its webhook. */
    @SuppressWarnings("unchecked")
    Map<String, Object> cancel(
            String shop, Map<String, Object> arguments, java.util.function.Consumer<SimulatedOrder> cancelledOrder) {
        String gid = (String) arguments.get("orderId");
        Object note = arguments.get("staffNote");
        if (note != null && note.toString().length() > 255) {
            return refused(List.of("staffNote"), "INVALID", "Staff note is too long (maximum is 255 characters)");
        }
        var found = store.orderById(shop, gid);
        if (found.isEmpty()) {
            return refused(List.of("orderId"), "NOT_FOUND", "Order does not exist");
        }
        SimulatedOrder order = found.get();
        synchronized (this) {
            if (store.revisions().current(order).cancelledAt() != null) {
                return refused(List.of("orderId"), "INVALID", "Order has already been cancelled");
            }
            boolean fulfilled =
                    store.fulfillments().fulfillments(order).stream().anyMatch(f -> !"CANCELLED".equals(f.status()));
            if (fulfilled) {
                return refused(List.of("orderId"), "INVALID", "Order has fulfillments that must be cancelled first");
            }
            Map<String, Object> refundMethod = (Map<String, Object>) arguments.get("refundMethod");
            if (refundMethod != null && refundMethod.get("storeCreditRefund") != null && order.customer() == null) {
                return refused(
                        List.of("refundMethod", "storeCreditRefund"),
                        "STORE_CREDIT_REFUND_MISSING_CUSTOMER",
                        "A store credit refund needs the order's customer");
            }
            if (Boolean.TRUE.equals(arguments.get("restock"))) {
                store.inventory().restock(gid);
            }
            store.revisions().cancel(order, (String) arguments.get("reason"));
            cancelled.add(gid);
        }
        cancelledOrder.accept(order);
        String jobId = "gid://shopify/Job/" + jobIds.incrementAndGet();
        jobs.put(jobId, true);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("job", Map.of("id", jobId, "done", false));
        payload.put("orderCancelUserErrors", List.of());
        payload.put("userErrors", List.of());
        return payload;
    }

    /** The {@code Job}, or null for an id no orderCancel returned. */
    Map<String, Object> job(String id) {
        Boolean done = jobs.get(id);
        return done == null ? null : Map.of("id", id, "done", done);
    }

    private static Map<String, Object> refused(List<String> field, String code, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", field);
        error.put("code", code);
        error.put("message", message);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("job", null);
        payload.put("orderCancelUserErrors", List.of(error));
        payload.put("userErrors", List.of(Map.of("field", field, "message", message)));
        return payload;
    }
}
