package org.orderbridge.fulfillmentservice;

/**
 * Why a fulfillment request is rejected, as Shopify's {@code FulfillmentOrderRejectionReason} names it
 * (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderRejectionReason).
 */
public enum RejectionReason {
    INCORRECT_ADDRESS,
    INCORRECT_PRODUCT_INFO,
    INELIGIBLE_PRODUCT,
    INTERNATIONAL_SHIPPING_UNAVAILABLE,
    INVALID_CONTACT_INFORMATION,
    INVALID_SKU,
    INVENTORY_OUT_OF_STOCK,
    MERCHANT_BLOCKED_OR_SUSPENDED,
    MISSING_CUSTOMS_INFO,
    ORDER_TOO_LARGE,
    OTHER,
    PACKAGE_PREFERENCE_NOT_SET,
    PAYMENT_DECLINED,
    UNDELIVERABLE_DESTINATION
}
