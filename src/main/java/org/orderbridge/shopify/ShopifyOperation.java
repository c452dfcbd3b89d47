package org.orderbridge.shopify;

/** Every GraphQL document this client sends; kept in one place so a test can validate them all against the schema. */
enum ShopifyOperation {
    // Bulk queries: the query is a document of its own, passed as a string (validated by its owner's tests).
    RUN_BULK_QUERY("""
            mutation RunBulkQuery($query: String!, $groupObjects: Boolean!) {
              bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
                bulkOperation { id status }
                userErrors { field message code }
              }
            }
            """),

    FIND_BULK_OPERATION("""
            query FindBulkOperation($id: ID!) {
              bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url }
            }
            """),

    FIND_ORDER_ID_DEFINITION("""
            query FindOrderIdDefinition($namespace: String!, $key: String!) {
              metafieldDefinition(identifier: {ownerType: ORDER, namespace: $namespace, key: $key}) {
                id
                capabilities { uniqueValues { enabled } }
              }
            }
            """),

    CREATE_ORDER_ID_DEFINITION("""
            mutation CreateOrderIdDefinition($definition: MetafieldDefinitionInput!) {
              metafieldDefinitionCreate(definition: $definition) {
                createdDefinition {
                  id
                  capabilities { uniqueValues { enabled } }
                }
                userErrors { field message code }
              }
            }
            """),

    CREATE_ORDER("""
            mutation CreateOrder($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
              orderCreate(order: $order, options: $options) {
                order { id legacyResourceId name }
                userErrors { field message code }
              }
            }
            """),

    FIND_ORDER_BY_ID("""
            query FindOrderById($identifier: OrderIdentifierInput!) {
              orderByIdentifier(identifier: $identifier) { id }
            }
            """),

    // Fulfillments: read the order's fulfillment orders and its fulfillments (for the look-up after an ambiguous
    // create), create one fulfillment per location, update tracking, cancel. The page sizes keep the requested cost
    // (nested connections multiply) below Shopify's 1,000 points; an order beyond them is refused (FulfillmentState).
    FIND_FULFILLMENT_STATE("""
            query FindFulfillmentState($id: ID!) {
              order(id: $id) {
                id
                lineItems(first: %d) { pageInfo { hasNextPage } nodes { id sku quantity } }
                fulfillmentOrders(first: %d) {
                  pageInfo { hasNextPage }
                  nodes {
                    id
                    status
                    assignedLocation { location { id } }
                    fulfillmentHolds { reason reasonNotes }
                    lineItems(first: %d) {
                      pageInfo { hasNextPage }
                      nodes { id remainingQuantity lineItem { id } }
                    }
                  }
                }
                fulfillments(first: %d) {
                  id
                  legacyResourceId
                  status
                  location { id }
                  trackingInfo { number }
                  fulfillmentLineItems(first: %d) { pageInfo { hasNextPage } nodes { quantity lineItem { id } } }
                }
              }
            }
            """.formatted(
                    FulfillmentState.MAX_LINE_ITEMS,
                    FulfillmentState.MAX_FULFILLMENT_ORDERS,
                    FulfillmentState.MAX_LINE_ITEMS,
                    FulfillmentState.MAX_FULFILLMENTS,
                    FulfillmentState.MAX_LINES_PER_FULFILLMENT)),

    CREATE_FULFILLMENT("""
            mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
              fulfillmentCreate(fulfillment: $fulfillment) {
                fulfillment { id legacyResourceId status location { id } }
                userErrors { field message }
              }
            }
            """),

    UPDATE_FULFILLMENT_TRACKING("""
            mutation UpdateFulfillmentTracking($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!,
                $notifyCustomer: Boolean) {
              fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $trackingInfoInput,
                  notifyCustomer: $notifyCustomer) {
                fulfillment { id }
                userErrors { field message }
              }
            }
            """),

    CANCEL_FULFILLMENT("""
            mutation CancelFulfillment($id: ID!) {
              fulfillmentCancel(id: $id) {
                fulfillment { id status }
                userErrors { field message }
              }
            }
            """),

    // Reconciliation and backfill: orders changed since a time, oldest change first, with everything a webhook's
    // snapshot holds. Line items come in pages of $lines: the requested cost is 2 + first x (order + lines), so a page
    // of orders carries few lines each, and an order with more is read again alone (ORDER_SNAPSHOT).
    ORDERS_UPDATED_SINCE("""
            query OrdersUpdatedSince($query: String!, $first: Int!, $after: String, $lines: Int!) {
              orders(query: $query, sortKey: UPDATED_AT, first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes { ...SnapshotOfOrder }
              }
            }
            """ + ShopifyOrderFeed.ORDER_FRAGMENT),

    ORDER_SNAPSHOT("""
            query OrderSnapshot($id: ID!, $lines: Int!) {
              order(id: $id) { ...SnapshotOfOrder }
            }
            """ + ShopifyOrderFeed.ORDER_FRAGMENT),
    // Webhook subscriptions: the app's shop-scoped ones for our topics, page by page; create and repoint. The
    // deprecated eventBridgeWebhookSubscriptionCreate is not needed: `uri` takes an EventBridge ARN as well.
    LIST_WEBHOOK_SUBSCRIPTIONS("""
            query ListWebhookSubscriptions($topics: [WebhookSubscriptionTopic!], $after: String) {
              webhookSubscriptions(first: 100, after: $after, topics: $topics, sortKey: ID) {
                nodes { id topic uri format apiVersion { handle } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """),

    CREATE_WEBHOOK_SUBSCRIPTION("""
            mutation CreateWebhookSubscription($topic: WebhookSubscriptionTopic!,
                $webhookSubscription: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
                webhookSubscription { id topic uri format apiVersion { handle } }
                userErrors { field message }
              }
            }
            """),

    UPDATE_WEBHOOK_SUBSCRIPTION("""
            mutation UpdateWebhookSubscription($id: ID!, $webhookSubscription: WebhookSubscriptionInput!) {
              webhookSubscriptionUpdate(id: $id, webhookSubscription: $webhookSubscription) {
                webhookSubscription { id topic uri format apiVersion { handle } }
                userErrors { field message }
              }
            }
            """),

    // SKU resolution: one search for a batch of SKUs (SkuSearch), answered with the variants whose SKU matched.
    // The page size is a variable (VariantLookup.MAX_PAGE at most), which keeps the requested cost near 500 points.
    FIND_VARIANTS_BY_SKU("""
            query FindVariantsBySku($query: String!, $first: Int!) {
              productVariants(first: $first, query: $query) {
                pageInfo { hasNextPage }
                nodes { legacyResourceId sku product { legacyResourceId } }
              }
            }
            """),

    FIND_ORDER_BY_CUSTOM_ID("""
            query FindOrderByCustomId($identifier: OrderIdentifierInput!) {
              orderByIdentifier(identifier: $identifier) { id legacyResourceId name }
            }
            """);

    private final String document;

    ShopifyOperation(String document) {
        this.document = document;
    }

    String document() {
        return document;
    }
}
