package org.orderbridge.shopify;

import java.util.Collection;

/** What Shopify reports of changes to a shop's catalogue, so that what this client learnt about it does not go stale. */
public interface ShopifyProductChanges {

    /**
     * A product of the shop changed ({@code products/update}): its variants, and the SKUs it now holds, may map
     * differently than before.
     *
     * @param variantIds the product's variants as the change reports them
     * @param skus their SKUs as the change reports them
     */
    void productUpdated(String shopDomain, long productId, Collection<Long> variantIds, Collection<String> skus);
}
