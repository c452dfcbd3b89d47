package org.orderbridge.shopify;

import java.io.InputStream;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Shopify's bulk query operations: a query run by Shopify in the background, whose result is a JSONL file to download.
 * Each call is retried and metered like every other Admin API call of the shop.
 */
public interface ShopifyBulkQueries {

    /**
     * Starts a bulk query whose result lists each object directly above the objects of its nested connections.
     *
     * @return the operation's id
     * @throws BulkQueryRefused            when Shopify refuses the query or the shop
     * @throws ShopifyUnavailableException when Shopify could not answer, or runs as many bulk queries for the app in the
     *     shop as it allows (LIMIT_REACHED, OPERATION_IN_PROGRESS); ask again later
     */
    String start(String shopDomain, String query);

    /**
     * The operation as Shopify reports it now.
     *
     * @throws BulkQueryRefused            when Shopify does not know the operation
     * @throws ShopifyUnavailableException when Shopify could not answer; ask again later
     */
    BulkOperation find(String shopDomain, String operationId);

    /**
     * Opens a completed operation's result for reading; the caller reads it as it arrives and closes it.
     *
     * @throws BulkQueryRefused            when the URL is not HTTPS on one of Shopify's storage hosts
     * @throws ShopifyUnavailableException when the file could not be opened; ask again later
     */
    InputStream openResult(URI url);

    /**
     * @param url where the result is, once COMPLETED; none when the query matched nothing
     */
    record BulkOperation(
            String id,
            Status status,
            @Nullable String errorCode,
            long objectCount,
            long rootObjectCount,
            @Nullable URI url) {}

    enum Status {
        CREATED,
        RUNNING,
        CANCELING,
        CANCELED,
        COMPLETED,
        EXPIRED,
        FAILED;

        public boolean finished() {
            return this == CANCELED || this == COMPLETED || this == EXPIRED || this == FAILED;
        }
    }

    /** Asking again cannot help: Shopify refused the query, the operation is unknown, or the shop is not connected. */
    class BulkQueryRefused extends RuntimeException {
        public BulkQueryRefused(String message) {
            super(message);
        }
    }
}
