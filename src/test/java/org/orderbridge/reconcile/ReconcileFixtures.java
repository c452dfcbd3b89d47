package org.orderbridge.reconcile;

import java.time.Instant;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Admin GraphQL order nodes and shops for the reconciliation tests. */
public final class ReconcileFixtures {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private ReconcileFixtures() {}

    /** A node in the shape of {@code ShopifyOrderFeed.ORDER_FRAGMENT}, as Shopify answers it. */
    public static ObjectNode orderNode(long id, Instant updatedAt, String note) {
        return (ObjectNode) JSON.readTree("""
                {
                  "id": "gid://shopify/Order/%1$d",
                  "legacyResourceId": "%1$d",
                  "name": "#%1$d",
                  "email": "jon@example.com",
                  "phone": "+4930123456",
                  "customer": {
                    "legacyResourceId": "7001",
                    "firstName": "Jon",
                    "lastName": "Snow",
                    "defaultEmailAddress": {"emailAddress": "jon.customer@example.com"},
                    "defaultPhoneNumber": {"phoneNumber": "+4930999999"}
                  },
                  "shippingAddress": {
                    "firstName": "Jon", "lastName": "Snow", "company": "Night's Watch", "address1": "Wall 1",
                    "address2": "Tower 3", "city": "Berlin", "province": "Berlin", "provinceCode": "BE",
                    "zip": "10115", "country": "Germany", "countryCodeV2": "DE", "phone": "+4930123456"
                  },
                  "billingAddress": {
                    "firstName": "Arya", "lastName": "Stark", "company": null, "address1": "Winterfell 1",
                    "address2": null, "city": "Hamburg", "province": null, "provinceCode": null, "zip": "20095",
                    "country": "Germany", "countryCodeV2": "DE", "phone": null
                  },
                  "lineItems": {
                    "pageInfo": {"hasNextPage": false},
                    "nodes": [
                      {"id": "gid://shopify/LineItem/%1$d0", "sku": "MUG-1", "title": "Mug", "quantity": 2,
                       "variant": {"legacyResourceId": "42"},
                       "originalUnitPriceSet": {"shopMoney": {"amount": "29.90"}}},
                      {"id": "gid://shopify/LineItem/%1$d1", "sku": null, "title": "Custom engraving", "quantity": 1,
                       "variant": null, "originalUnitPriceSet": {"shopMoney": {"amount": "0.00"}}}
                    ]
                  },
                  "currencyCode": "EUR",
                  "totalPriceSet": {"shopMoney": {"amount": "59.80"}},
                  "displayFinancialStatus": "PAID",
                  "displayFulfillmentStatus": "UNFULFILLED",
                  "cancelledAt": null,
                  "cancelReason": null,
                  "note": "%3$s",
                  "tags": ["wholesale", "priority"],
                  "updatedAt": "%2$s",
                  "sourceName": "orderbridge",
                  "sourceIdentifier": "0193a0c4-7a51-7b3e-9d2c-5f8e1a2b3c4d"
                }
                """.formatted(id, updatedAt, note));
    }
}
