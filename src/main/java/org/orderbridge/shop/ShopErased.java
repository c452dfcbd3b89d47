package org.orderbridge.shop;

/**
 * A shop is being erased (Shopify's shop/redact). Published inside the erasing transaction: every feature that keeps
 * rows of the shop deletes them there, so the erasure commits whole or not at all. Features that keep something outside
 * the database (queues) act after the commit.
 */
public record ShopErased(String shopDomain) {}
