package org.orderbridge.order;

/**
 * An order is to be created in Shopify. Published inside the transaction that made the order pushable, so
 * that whoever carries it to the push queue can write it in that same transaction.
 */
public record PushRequested(OrderId orderId) {}
