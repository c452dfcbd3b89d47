package org.orderbridge.reconcile;

import org.orderbridge.order.Orders;
import org.orderbridge.order.ShopifyOrderSnapshot;
import org.orderbridge.shopify.ShopifyOrderFeed;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Applies orders read from Shopify through the same idempotent path as order webhooks: the newest {@code updated_at}
 * wins, so an order read here never overwrites a newer webhook, and a webhook newer than what was read here still
 * applies after it. Each order commits on its own.
 */
@Service
public class ReconciledOrders {

    private final Orders orders;
    private final ShopifyOrderFeed feed;
    private final TransactionTemplate transactions;

    ReconciledOrders(Orders orders, ShopifyOrderFeed feed, PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.feed = feed;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Applies one Admin GraphQL {@code Order} node (see {@link ShopifyOrderNodes}). A node whose line-item page left
     * lines out is read again from Shopify with all its lines first.
     *
     * @throws UnmappableOrderNodeException when the node cannot be mapped
     * @throws org.orderbridge.order.ForeignShopOrderException when the order is stored under another shop
     * @throws org.orderbridge.shopify.ShopifyUnavailableException when the order had to be read again and Shopify could
     *     not answer
     */
    public ApplyOutcome apply(String shop, JsonNode node) {
        JsonNode complete = node;
        if (ShopifyOrderNodes.hasMoreLineItems(node)) {
            String gid = node.path("id").asString();
            var reread = feed.order(shop, gid);
            if (reread.isEmpty()) {
                // Deleted since the page was read; its orders/delete webhook, or the next pass, settles it.
                return ApplyOutcome.CURRENT;
            }
            complete = reread.get();
        }
        return apply(ShopifyOrderNodes.snapshot(shop, complete));
    }

    /** Applies a snapshot already mapped from a node. */
    public ApplyOutcome apply(ShopifyOrderSnapshot snapshot) {
        try {
            return transactions.execute(status -> applyInTransaction(snapshot));
        } catch (DataIntegrityViolationException race) {
            // A webhook inserted the same new order between our look-up and our insert; the unique index decided.
            // Applied again, the snapshot now meets that row and wins only if it is newer.
            return transactions.execute(status -> applyInTransaction(snapshot));
        }
    }

    private ApplyOutcome applyInTransaction(ShopifyOrderSnapshot snapshot) {
        return switch (orders.applyShopifySnapshot(snapshot)) {
            case CREATED -> ApplyOutcome.CREATED;
            // LINKED: an order we pushed whose own response and webhook were both lost.
            case UPDATED, LINKED -> ApplyOutcome.UPDATED;
            case STALE -> ApplyOutcome.CURRENT;
        };
    }
}
