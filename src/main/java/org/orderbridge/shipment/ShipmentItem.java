package org.orderbridge.shipment;

import org.jspecify.annotations.Nullable;

/**
 * A line of a shipment, resolved against the order when the shipment was accepted.
 *
 * @param lineItem 1-based position of the line in the order: our line item id
 * @param shopifyLineItemId Shopify's id of the line, when the order knew it
 */
record ShipmentItem(
        int lineItem, @Nullable String sku, @Nullable Long shopifyLineItemId, int quantity) {}
