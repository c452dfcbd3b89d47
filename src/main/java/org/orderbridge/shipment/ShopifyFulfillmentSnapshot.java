package org.orderbridge.shipment;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Shopify fulfillment as a fulfillments webhook describes it, whoever made it.
 *
 * @param id Shopify's fulfillment id
 * @param shopifyOrderId Shopify's id of the fulfilled order
 * @param status Shopify's fulfillment status (success, cancelled...)
 * @param shipmentStatus the carrier's progress (in_transit, delivered...)
 * @param updatedAt when Shopify last changed the fulfillment: a version older than the one recorded changes nothing
 */
public record ShopifyFulfillmentSnapshot(
        String shopDomain,
        long id,
        long shopifyOrderId,
        @Nullable String status,
        @Nullable String shipmentStatus,
        @Nullable String trackingCompany,
        List<String> trackingNumbers,
        Instant updatedAt,
        @Nullable Long locationId) {}
