package org.orderbridge.shipment;

import org.jspecify.annotations.Nullable;

/**
 * One of the Shopify fulfillments a shipment became (one per location).
 *
 * @param status Shopify's fulfillment status (success, cancelled...)
 * @param deliveryStatus Shopify's shipment status from the fulfillments webhooks (in_transit, delivered...)
 */
record ShopifyFulfillmentRef(
        String gid,
        long id,
        @Nullable String location,
        @Nullable String status,
        @Nullable String deliveryStatus) {

    ShopifyFulfillmentRef withStatus(@Nullable String newStatus, @Nullable String newDeliveryStatus) {
        return new ShopifyFulfillmentRef(
                gid,
                id,
                location,
                newStatus == null ? status : newStatus,
                newDeliveryStatus == null ? deliveryStatus : newDeliveryStatus);
    }
}
