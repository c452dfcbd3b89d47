package org.orderbridge.shopify;

/** What resolving a draft's SKU-only lines came to. */
sealed interface SkuResolution {

    /** Every SKU-only line names its variant now, or stays a custom item where the shop allows it. */
    record Resolved(OrderDraft draft) implements SkuResolution {}

    /** {@code reason} names each line whose SKU matched no variant (custom items not allowed) or several. */
    record Unresolved(String reason) implements SkuResolution {}
}
