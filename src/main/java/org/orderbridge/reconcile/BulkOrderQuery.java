package org.orderbridge.reconcile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.orderbridge.shopify.ShopifyOrderFeed;

/**
 * The bulk query of a backfill: the same fields as {@link ShopifyOrderFeed#ORDER_FRAGMENT} (a test holds them equal),
 * written out because a bulk query takes no variables and no page sizes, and its line items are a connection of
 * {@code edges}, which Shopify writes to lines of their own.
 */
final class BulkOrderQuery {

    /** The connection each child line's type belongs to, for {@link BulkOrderReader}. */
    static final Map<String, String> CONNECTIONS = Map.of("LineItem", "lineItems");

    private static final String ADDRESS = """
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
                    phone""";

    private static final String TEMPLATE = """
            {
              orders(query: "updated_at:>='%s' AND updated_at:<='%s'", sortKey: UPDATED_AT) {
                edges {
                  node {
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
                    shippingAddress {
                      %s
                    }
                    billingAddress {
                      %s
                    }
                    lineItems {
                      edges {
                        node {
                          id
                          sku
                          title
                          quantity
                          variant { legacyResourceId }
                          originalUnitPriceSet { shopMoney { amount } }
                        }
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
                }
              }
            }
            """;

    private BulkOrderQuery() {}

    /**
     * Orders updated from {@code since} to {@code until}; Shopify's search compares whole seconds, so {@code since} is
     * rounded down and {@code until} up, as the paginated query does.
     */
    static String updatedBetween(Instant since, Instant until) {
        Instant whole = until.truncatedTo(ChronoUnit.SECONDS);
        return TEMPLATE.formatted(
                since.truncatedTo(ChronoUnit.SECONDS),
                whole.equals(until) ? whole : whole.plusSeconds(1),
                ADDRESS,
                ADDRESS);
    }
}
