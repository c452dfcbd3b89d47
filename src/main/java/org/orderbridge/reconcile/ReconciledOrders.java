package org.orderbridge.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
 * applies after it. Each order commits on its own, or a bulk result's in batches ({@link #applyTogether}).
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
        Optional<JsonNode> complete = complete(shop, node);
        return complete.isEmpty() ? ApplyOutcome.CURRENT : apply(ShopifyOrderNodes.snapshot(shop, complete.get()));
    }

    /**
     * Applies several nodes in one transaction, as {@link #apply(String, JsonNode)} would one by one: a bulk result's
     * orders commit a batch at a time instead of one each. All or nothing: when one of them cannot be applied (not
     * mapped, stored under another shop, a webhook's insert of the same order won the race) it throws and none is, and
     * the caller applies them one by one to find the one that fails.
     *
     * @return the outcome of each node, in order
     */
    public List<ApplyOutcome> applyTogether(String shop, List<? extends JsonNode> nodes) {
        var snapshots = new ArrayList<@Nullable ShopifyOrderSnapshot>(nodes.size());
        for (JsonNode node : nodes) {
            snapshots.add(complete(shop, node)
                    .map(complete -> ShopifyOrderNodes.snapshot(shop, complete))
                    .orElse(null));
        }
        return Objects.requireNonNull(transactions.execute(status -> snapshots.stream()
                .map(snapshot -> snapshot == null ? ApplyOutcome.CURRENT : applyInTransaction(snapshot))
                .toList()));
    }

    /** The node with all its lines: read again from Shopify when its page left lines out; empty once deleted there. */
    private Optional<JsonNode> complete(String shop, JsonNode node) {
        if (!ShopifyOrderNodes.hasMoreLineItems(node)) {
            return Optional.of(node);
        }
        // Empty when deleted since the page was read; its orders/delete webhook, or the next pass, settles it.
        return feed.order(shop, node.path("id").asString());
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
