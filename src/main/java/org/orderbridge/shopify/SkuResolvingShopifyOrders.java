package org.orderbridge.shopify;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a draft's SKU-only lines to the shop's variants ({@link SkuResolver}) before the create; a SKU that cannot
 * be resolved ends the push with {@link PushOutcome.UnresolvedSku}, and nothing is created.
 */
final class SkuResolvingShopifyOrders implements ShopifyOrders {

    private static final Logger log = LoggerFactory.getLogger(SkuResolvingShopifyOrders.class);

    private final ShopifyOrders orders;
    private final SkuResolver resolver;

    SkuResolvingShopifyOrders(ShopifyOrders orders, SkuResolver resolver) {
        this.orders = orders;
        this.resolver = resolver;
    }

    @Override
    public PushOutcome createOrder(OrderDraft draft) {
        return createOrder(draft, CreateOrderOptions.unbounded());
    }

    @Override
    public PushOutcome createOrder(OrderDraft draft, CreateOrderOptions options) {
        if (!knowsShop(draft.shopDomain())) {
            return orders.createOrder(draft, options);
        }
        Deadline deadline = Deadline.after(options.timeBudget());
        SkuResolution resolution;
        try {
            resolution = resolver.resolve(draft, deadline);
        } catch (PermanentShopifyFailure e) {
            log.warn("Shopify refused to resolve the SKUs of order {}: {}", draft.orderId(), e.getMessage());
            return new PushOutcome.Rejected("Shopify refused the search for the order's SKUs (it needs the"
                    + " read_products access scope): " + e.getMessage());
        }
        return switch (resolution) {
            case SkuResolution.Resolved resolved ->
                orders.createOrder(
                        resolved.draft(),
                        new CreateOrderOptions(
                                deadline.remaining(), options.createMayHaveReachedShopify(), options.beforeCreate()));
            case SkuResolution.Unresolved unresolved -> new PushOutcome.UnresolvedSku(unresolved.reason());
        };
    }

    @Override
    public boolean orderExists(String shopDomain, long shopifyOrderId) {
        return orders.orderExists(shopDomain, shopifyOrderId);
    }

    @Override
    public boolean knowsShop(String shopDomain) {
        return orders.knowsShop(shopDomain);
    }

    @Override
    public Duration longestRequest() {
        return orders.longestRequest();
    }
}
