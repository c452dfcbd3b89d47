package org.orderbridge.shopify;

/**
 * What {@code orderCreate} does with the stock of a pushed order's variants (Shopify's
 * {@code OrderCreateInputsInventoryBehavior}, sent as {@code options.inventoryBehaviour}).
 */
public enum InventoryBehaviour {
    /** Claims nothing: Shopify's default, which leaves the shop's stock counting as if the order had not been placed. */
    BYPASS,
    /** Claims stock even below zero, whatever the variant's inventory policy. */
    DECREMENT_IGNORING_POLICY,
    /** Claims stock; a variant that may not be oversold (policy DENY) and lacks the stock refuses the whole order. */
    DECREMENT_OBEYING_POLICY
}
