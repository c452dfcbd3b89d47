package org.orderbridge.shopify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a shop's orders as Shopify holds them now, for reconciliation and backfill. Every call runs under the same
 * cost budget, retries and circuit breaker as {@link ShopifyOrders}, so reading waits for the shop's bucket like a push.
 */
public interface ShopifyOrderFeed {

    /**
     * The fields of an Admin GraphQL {@code Order} that a webhook's snapshot holds; each node returned by this feed has
     * this shape. {@code $lines} is the size of the line-item page.
     */
    String ORDER_FRAGMENT = """
            fragment SnapshotOfOrder on Order {
              id
              legacyResourceId
              name
              email
              phone
              customer {
                legacyResourceId
                firstName
                lastName
                defaultEmailAddress { emailAddress }
                defaultPhoneNumber { phoneNumber }
              }
              shippingAddress { ...SnapshotOfAddress }
              billingAddress { ...SnapshotOfAddress }
              lineItems(first: $lines) {
                pageInfo { hasNextPage }
                nodes {
                  id
                  sku
                  title
                  quantity
                  variant { legacyResourceId }
                  originalUnitPriceSet { shopMoney { amount } }
                }
              }
              currencyCode
              totalPriceSet { shopMoney { amount } }
              displayFinancialStatus
              displayFulfillmentStatus
              cancelledAt
              cancelReason
              note
              tags
              updatedAt
              sourceName
              sourceIdentifier
            }

            fragment SnapshotOfAddress on MailingAddress {
              firstName
              lastName
              company
              address1
              address2
              city
              province
              provinceCode
              zip
              country
              countryCodeV2
              phone
            }
            """;

    /**
     * One page of the shop's orders updated at or after {@code since}, oldest update first ({@code sortKey: UPDATED_AT}).
     *
     * @param after the previous page's {@link OrderPage#endCursor()}, or null for the first page
     * @throws ShopifyUnavailableException when Shopify stayed unreachable or throttled, or its circuit is open; try again
     *     later from the same cursor
     * @throws IllegalStateException when Shopify refuses the query or no access token is configured for the shop
     */
    default OrderPage ordersUpdatedSince(String shopDomain, Instant since, @Nullable String after, int first) {
        return ordersUpdatedBetween(shopDomain, since, null, after, first);
    }

    /**
     * Like {@link #ordersUpdatedSince}, but only orders updated at or before {@code until} (when given). Shopify's search
     * compares whole seconds: {@code since} is rounded down and {@code until} up, so the range may hold a few more.
     */
    OrderPage ordersUpdatedBetween(
            String shopDomain, Instant since, @Nullable Instant until, @Nullable String after, int first);

    /** The shops with an access token, i.e. the shops whose orders can be read. */
    Set<String> shops();

    /**
     * One order with up to {@link #MAX_LINE_ITEMS} line items, for an order whose page carried only some of them.
     *
     * @return empty when the shop has no such order (any more)
     */
    Optional<JsonNode> order(String shopDomain, String orderGid);

    /**
     * Orders per page of {@link #ordersUpdatedBetween}: each costs 90 points with its 20 line items, and Shopify refuses
     * a query requesting more than 1,000.
     */
    int MAX_ORDERS_PER_PAGE = 10;

    /** Line items that fit into one order request under Shopify's limit of 1,000 points per query. */
    int MAX_LINE_ITEMS = 240;

    /** @param orders {@code Order} nodes in the shape of {@link #ORDER_FRAGMENT} */
    record OrderPage(List<JsonNode> orders, @Nullable String endCursor, boolean hasNextPage) {

        public OrderPage {
            orders = List.copyOf(orders);
        }
    }
}
